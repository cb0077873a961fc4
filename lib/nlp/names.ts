/**
 * Common given names (English and international, as seen in news) — evidence that a pair of
 * capitalized words is a person's name. Lower-case.
 */
export const GIVEN_NAMES = new Set(
  `aaron abdul abdullah abigail adam adrian ahmed ahmad alan alastair albert alberto alejandro alex alexander alexandra
  alexei alexey ali alice alicia alison amanda amy ana anatoly andre andrea andreas andrei andrej andrew andrzej andy
  angela angelina ann anna anne annalena anthony antonio antony anton ariel arthur ashley avril barack barbara barry
  ben benjamin bernard beth bill billy bob boris brad bradley brandon brendan brett brian bruce bryan carl carlos
  carol caroline catherine charles charlie chen chris christian christina christine christopher chrystia claire clare
  colin craig dan daniel danielle darren dave david dean deborah denis dennis derek diana diane dmitri dmitry dominic
  donald doug douglas dylan ed eddie edward elena eli elizabeth ellen emily emma emmanuel eric erik erin ernest ethan
  eugene evan fabian felix fernando fiona francis francisco frank franz fred frederick gabriel gareth gary gavin
  george georgi gerald gerhard gina giorgia glenn gordon grace graham grant greg gregory gustavo hannah hans harjit
  harold harry heather heiko helen henry hillary howard hugh hui ian igor ilya ine ingrid isaac ivan jack jacob
  jacqueline jake james jamie jan jane janet jason javier jean jeff jeffrey jen jennifer jens jeremy jerome jessica
  jill jim jimmy jin joanna joe joel johan johann john johnny jon jonathan jonas jordan jorge jose josep joseph josh
  joshua joyce juan judith julia julian julie justin kaja kamala karen karl kate katherine kathleen kathryn katie keith
  kelly ken kenneth kevin kim kirk klaus konstantin kristi kurt larry laura lauren lee leo leon leonard li lin linda
  lindsey lisa liz lloyd louis louise lucas lucy luis luke lynn madeleine maria marie mario mark marc marco margaret
  margrethe maria mariana marina mark martin mary matt matthew maxim melanie merrick michael michel michelle miguel
  mike mikhail mitch mohammed mohammad muhammad nancy naomi natalia natalie nathan neil nicholas nick nicola nicolas
  nikolai nina noah nora olaf oleg oliver olivia omar oscar pablo pamela patricia patrick paul paula pedro penny peter
  philip phillip pierre rachel rafael ralph randy ray raymond rebecca richard rick rob robert roberto robin roger ron
  ronald rory ross ruth ryan sally sam samantha samuel sandra sara sarah scott sean sebastian sergei sergey seth sharon
  shane simon sofia sophie stephanie stephen steve steven stuart susan suzanne sven tanya ted teresa terry thomas tim
  timothy tina todd tom tommy tony tracy troy ursula valerie vanessa vera victor victoria vincent viktor vladimir
  walter wang wendy william willem wolfgang xavier yan yang yulia yuri yury zhang zhao zoe annegret boris emmanuel
  jacinda scott malcolm kevin anthony penny marise peter winston jared joerg jorg ulrich frank-walter sigmar norbert
  christine liz rishi keir theresa gordon tony jeremy dominic grant ben yvette priti suella james`.split(/\s+/),
);
