/**
 * Words the parsers share, folded (lowercase, no accents, see `fold`): small numbers, months and weekdays in
 * English, Spanish and Portuguese.
 */

/** Numbers people write out in a duration or a count of days ("dos horas", "three days ago", "vinte minutos"). */
export const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, 'forty-five': 45, 'forty five': 45, fifty: 50,
  un: 1, uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10,
  once: 11, doce: 12, quince: 15, veinte: 20, treinta: 30, cuarenta: 40, 'cuarenta y cinco': 45, cincuenta: 50,
  um: 1, uma: 1, dois: 2, duas: 2, quatro: 4, sete: 7, oito: 8, nove: 9, dez: 10, onze: 11, doze: 12, quinze: 15,
  vinte: 20, trinta: 30, quarenta: 40, 'quarenta e cinco': 45, cinquenta: 50,
  sixty: 60, ninety: 90, sesenta: 60, noventa: 90, sessenta: 60,
  ...compounds(),
};

/** 21–59 written out: twenty-five, twenty five, veinticinco, treinta y cinco, vinte e cinco. */
function compounds(): Record<string, number> {
  const out: Record<string, number> = {};
  const units = {
    en: ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
    es: ['uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'],
    pt: ['um', 'dois', 'tres', 'quatro', 'cinco', 'seis', 'sete', 'oito', 'nove'],
  };
  const tens: [keyof typeof units, string, number][] = [
    ['en', 'twenty', 20], ['en', 'thirty', 30], ['en', 'forty', 40], ['en', 'fifty', 50],
    ['es', 'treinta', 30], ['es', 'cuarenta', 40], ['es', 'cincuenta', 50],
    ['pt', 'vinte', 20], ['pt', 'trinta', 30], ['pt', 'quarenta', 40], ['pt', 'cinquenta', 50],
  ];
  for (const [language, ten, value] of tens) {
    units[language].forEach((unit, i) => {
      if (language === 'en') {
        out[`${ten}-${unit}`] = value + i + 1;
        out[`${ten} ${unit}`] = value + i + 1;
      } else out[`${ten} ${language === 'es' ? 'y' : 'e'} ${unit}`] = value + i + 1;
    });
  }
  // veintiuno … veintinueve (folded: no accents)
  ['veintiuno', 'veintidos', 'veintitres', 'veinticuatro', 'veinticinco', 'veintiseis', 'veintisiete', 'veintiocho', 'veintinueve'].forEach((w, i) => {
    out[w] = 21 + i;
  });
  return out;
}

/** No short forms that are also common words ("set", "out", "ago", "dez"). */
export const MONTHS: Record<string, number> = {
  jan: 1, january: 1, enero: 1, janeiro: 1,
  feb: 2, february: 2, febrero: 2, fevereiro: 2, fev: 2,
  mar: 3, march: 3, marzo: 3, marco: 3,
  apr: 4, april: 4, abril: 4, abr: 4,
  may: 5, mayo: 5, maio: 5,
  jun: 6, june: 6, junio: 6, junho: 6,
  jul: 7, july: 7, julio: 7, julho: 7,
  aug: 8, august: 8, agosto: 8,
  sep: 9, sept: 9, september: 9, septiembre: 9, setiembre: 9, setembro: 9,
  oct: 10, october: 10, octubre: 10, outubro: 10,
  nov: 11, november: 11, noviembre: 11, novembro: 11,
  dec: 12, december: 12, diciembre: 12, dezembro: 12, dic: 12,
};

const WEEKDAYS = [
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun',
  'lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado', 'domingo',
  'segunda-feira', 'terca-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira', 'segunda', 'terca', 'quarta', 'quinta', 'sexta',
];

/** An alternation of the words, longest first so that "forty-five" wins over "forty". */
function anyOf(words: Iterable<string>): string {
  return `(?:${[...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/\./g, '\\.')).join('|')})`;
}

export const NUMBER_WORD = anyOf(Object.keys(NUMBER_WORDS));
export const MONTH = anyOf(Object.keys(MONTHS));
export const WEEKDAY = anyOf(WEEKDAYS);

/** A count in digits or words, or "a"/"an" for one. */
export function countOf(word: string): number {
  if (/^\d/.test(word)) return Number(word.replace(',', '.'));
  return NUMBER_WORDS[word.replace(/\s+/g, ' ')] ?? 1;
}
