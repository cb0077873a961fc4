/** Command-line arguments of the annotator. */

/** Parsed options; `inputs` keeps the order given. */
export interface CliOptions {
  json: boolean;
  timing: boolean;
  /** true: force colour; false: never; undefined: decide from the terminal and NO_COLOR. */
  color: boolean | undefined;
  help: boolean;
  inputs: string[];
  /** Unknown options, reported as usage errors. */
  unknown: string[];
}

/** The text printed by `--help`. */
export const USAGE = `usage: npm run annotate -- [--json] [--timing] [--color|--no-color] PATH_OR_URL...

Finds the actors (states, agencies, officials, threat groups, ...) and claims (attribution,
denial, condemnation, call, assessment) in saved news pages or http(s) URLs.

  --json       one JSON report (attribution-lens/report@1) per input, one per line, in input order
  --timing     print parse, extract and analyse times per input to stderr
  --color      colour the terminal view even when stdout is not a terminal
  --no-color   never colour (also when NO_COLOR is set)
  -h, --help   this text

A URL is the only network access, and only when you pass one. Inputs that cannot be read
get a one-line error on stderr; the others are still reported; the exit code is then 1.`;

/** Parses argv (without the node and script entries). "--" ends the options. */
export function parseArgs(argv: string[]): CliOptions {
  const o: CliOptions = { json: false, timing: false, color: undefined, help: false, inputs: [], unknown: [] };
  let rest = false;
  for (const a of argv) {
    if (rest || !a.startsWith('-') || a === '-') {
      o.inputs.push(a);
      continue;
    }
    if (a === '--') rest = true;
    else if (a === '--json') o.json = true;
    else if (a === '--timing') o.timing = true;
    else if (a === '--color' || a === '--colour') o.color = true;
    else if (a === '--no-color' || a === '--no-colour') o.color = false;
    else if (a === '--help' || a === '-h') o.help = true;
    else o.unknown.push(a);
  }
  return o;
}

/** Whether the terminal view should use ANSI colours. */
export function useColor(opt: boolean | undefined, isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  if (opt !== undefined) return opt;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return Boolean(isTTY);
}
