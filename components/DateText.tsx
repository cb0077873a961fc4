const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "19 Jul 2021" from "2021-07-19" (also "Jul 2021" from "2021-07" and "2021"). Parsed by hand,
 * not through `Date`, so no time zone can shift the day. Unknown shapes come back unchanged.
 */
export function formatDate(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const month = mo ? MONTHS[Number(mo) - 1] : undefined;
  if (!month) return y;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** A `<time>` element with a readable date; nothing when the date is unknown. */
export function DateText({ date, class: cls }: { date: string | null | undefined; class?: string }) {
  if (!date) return null;
  return (
    <time class={cls} dateTime={date}>
      {formatDate(date)}
    </time>
  );
}
