import type { CategorySpec } from './types.js';

/** Invented titles: every combination of a frame and a motif. */
function titles(frames: readonly string[], motifs: readonly string[]): string[] {
  return frames.flatMap((frame) => motifs.map((motif) => frame.replace('{}', motif)));
}

const NOVEL_TITLES = titles(
  ['Das Haus am {}', 'Die Stille am {}', 'Ein Sommer am {}', 'Die Nacht am {}', 'Zurück zum {}'],
  ['Fluss', 'See', 'Deich', 'Waldrand', 'Meer', 'Hafen'],
);
const COOKBOOK_TITLES = titles(
  ['{} für jeden Tag', 'Einfach {}', 'Die neue {}', 'Meine {}'],
  ['Ofenküche', 'Gemüseküche', 'Brotbackstube', 'Ferienküche', 'Suppenküche'],
);
const GUIDE_TITLES = titles(
  ['{} zu Fuß', '{} entdecken', 'Wanderungen: {}'],
  ['Harz', 'Allgäu', 'Sächsische Schweiz', 'Ostsee', 'Eifel', 'Schwarzwald'],
);
const NONFICTION_TITLES = titles(
  ['Die Geschichte der {}', 'Kleine Kunde der {}', 'Warum wir {} brauchen'],
  ['Wälder', 'Sterne', 'Ozeane', 'Städte', 'Pilze'],
);
const CHILDREN_TITLES = titles(
  ['{} und der große Sturm', '{} findet einen Freund', 'Gute Nacht, {}'],
  ['Paula Maus', 'Kleiner Igel', 'Ferdinand Fuchs', 'Luna Eule'],
);

const AUTHORS = [
  'Marie Albers',
  'Jonas Brandt',
  'Hanna Castell',
  'Lukas Dorn',
  'Ida Ehlers',
  'Felix Hartung',
  'Greta Imhoff',
  'Paul Jansen',
  'Lena Kowalski',
  'Moritz Lindqvist',
  'Clara Neumeyer',
  'Emil Ostrowski',
  'Frieda Sommer',
  'Anton Wiegand',
];

const BOOK_ATTRIBUTES = {
  Autor: AUTHORS,
  Einband: ['Hardcover', 'Taschenbuch', 'Klappenbroschur'],
  Seiten: { min: 96, max: 640, step: 8, unit: 'Seiten' },
  Sprache: ['Deutsch'],
  Erscheinungsjahr: ['2021', '2022', '2023', '2024', '2025'],
} as const;

const COVER_COLOURS = [
  'Marineblau',
  'Bordeaux',
  'Tannengrün',
  'Senfgelb',
  'Creme',
  'Petrol',
  'Terrakotta',
  'Schwarz',
  'Hellblau',
];

export const books: CategorySpec = {
  id: 'buecher',
  name: 'Bücher',
  description: 'Romane, Kochbücher, Reiseführer und Geschichten zum Vorlesen.',
  vatClass: 'reduced',
  weight: 8,
  brands: ['Verlag Hafenlicht', 'Lindenblatt Verlag', 'Edition Nordwind', 'Kiepe & Sohn', 'Verlag am Markt'],
  details: [
    '{Autor} erzählt mit feinem Humor und großer Wärme.',
    'Ein Buch, das man nicht mehr aus der Hand legen möchte.',
    'Auf {Seiten} entfaltet sich eine Welt voller Details.',
    'Als {Einband} mit Lesebändchen eine schöne Geschenkidee.',
    'Die Presse lobt den klaren, unaufgeregten Stil.',
    'Erschienen {Erscheinungsjahr}.',
  ],
  kinds: [
    {
      noun: 'Roman',
      shape: 'book',
      price: [12, 26],
      lines: NOVEL_TITLES,
      lineFirst: true,
      attributes: BOOK_ATTRIBUTES,
      colours: COVER_COLOURS,
      hideColour: true,
      intro: [
        '„{line}“ ist der neue Roman von {Autor}.',
        'Ein Familiengeheimnis, ein verlassenes Haus und ein Sommer, der alles verändert.',
      ],
      tags: ['buch', 'roman', 'belletristik'],
    },
    {
      noun: 'Kochbuch',
      shape: 'book',
      price: [18, 39],
      lines: COOKBOOK_TITLES,
      lineFirst: true,
      attributes: BOOK_ATTRIBUTES,
      colours: COVER_COLOURS,
      hideColour: true,
      intro: [
        'Über 80 Rezepte, die gelingen – ohne ausgefallene Zutaten.',
        'In „{line}“ zeigt {Autor}, wie einfach gutes Essen sein kann.',
      ],
      tags: ['buch', 'kochbuch', 'kochen'],
    },
    {
      noun: 'Reiseführer',
      shape: 'book',
      price: [14, 24],
      lines: GUIDE_TITLES,
      lineFirst: true,
      attributes: BOOK_ATTRIBUTES,
      colours: COVER_COLOURS,
      hideColour: true,
      intro: [
        'Mit Karten, Höhenprofilen und Einkehrtipps für jede Etappe.',
        'Der handliche Begleiter für Tagestouren und Mehrtageswanderungen.',
      ],
      tags: ['buch', 'reiseführer', 'wandern'],
    },
    {
      noun: 'Sachbuch',
      shape: 'book',
      price: [16, 32],
      lines: NONFICTION_TITLES,
      lineFirst: true,
      attributes: BOOK_ATTRIBUTES,
      colours: COVER_COLOURS,
      hideColour: true,
      intro: [
        'Verständlich, fundiert und überraschend unterhaltsam.',
        '{Autor} nimmt uns mit auf eine Reise durch Wissenschaft und Alltag.',
      ],
      tags: ['buch', 'sachbuch', 'wissen'],
    },
    {
      noun: 'Kinderbuch',
      shape: 'book',
      price: [9, 18],
      lines: CHILDREN_TITLES,
      lineFirst: true,
      attributes: { ...BOOK_ATTRIBUTES, Alter: ['ab 3 Jahren', 'ab 4 Jahren', 'ab 6 Jahren'] },
      colours: ['Gelb', 'Hellblau', 'Rosa', 'Orange', 'Türkis'],
      hideColour: true,
      intro: [
        'Eine liebevoll illustrierte Geschichte zum Vorlesen, empfohlen {Alter}.',
        'Mutig, lustig und ein bisschen frech – zum Vorlesen und Selberlesen.',
      ],
      tags: ['buch', 'kinderbuch', 'vorlesen'],
    },
  ],
};
