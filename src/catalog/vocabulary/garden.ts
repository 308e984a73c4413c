import type { CategorySpec } from './types.js';

export const garden: CategorySpec = {
  id: 'garten',
  name: 'Garten',
  description: 'Töpfe, Werkzeug und Licht für Garten und Balkon.',
  vatClass: 'standard',
  weight: 7,
  brands: ['Gartenglück', 'Grünwerk', 'Beetmeister', 'Terrakotta Toscana', 'Balkonien'],
  details: [
    'Wetterfest und frostsicher aus {Material}.',
    'Maße: {Maße}.',
    'Ideal für Terrasse, Balkon und Wintergarten.',
    'Mit Abzugsloch, damit keine Staunässe entsteht.',
    'Langlebig und mit wenig Pflege über viele Jahre schön.',
  ],
  kinds: [
    {
      noun: 'Pflanztopf',
      shape: 'plantpot',
      price: [9, 69],
      lines: ['Toscana', 'Rillen', 'Balkon', 'Loft'],
      features: ['frostfest', 'mit Untersetzer'],
      titleAttributes: ['Maße'],
      attributes: {
        Material: ['Terrakotta', 'Faserbeton', 'Steinzeug glasiert'],
        Maße: ['Ø 20 cm', 'Ø 30 cm', 'Ø 40 cm'],
      },
      colours: ['Terrakotta', 'Anthrazit', 'Weiß', 'Salbei', 'Sand'],
      intro: [
        'Der {noun} {line} gibt Kräutern und Zimmerpflanzen ein schönes Zuhause.',
        'Handgefertigter {noun} mit natürlicher Oberfläche.',
      ],
      tags: ['topf', 'pflanzen', 'balkon'],
    },
    {
      noun: 'Gießkanne',
      shape: 'kettle',
      price: [12, 49],
      lines: ['Klassik', 'Zimmer', 'Garten'],
      titleAttributes: ['Fassungsvermögen'],
      attributes: {
        Material: ['Verzinkter Stahl', 'Kunststoff recycelt', 'Messing'],
        Fassungsvermögen: ['1,5 l', '5 l', '10 l'],
      },
      colours: ['Grün', 'Silber', 'Anthrazit', 'Kupfer'],
      intro: ['Die {noun} {line} gießt sanft dank feiner Brause.', 'Gut ausbalanciert und angenehm zu tragen.'],
      tags: ['gießkanne', 'gießen'],
    },
    {
      noun: 'Solarleuchte',
      shape: 'lamp',
      price: [15, 59],
      lines: ['Laterne', 'Kugel', 'Garten'],
      features: ['mit Bewegungsmelder', '2er-Set'],
      attributes: {
        Material: ['Metall und Glas', 'Kunststoff'],
        Leuchtdauer: ['bis 8 Stunden', 'bis 10 Stunden'],
        Maße: ['H 30 cm', 'H 45 cm'],
      },
      colours: ['Schwarz', 'Anthrazit', 'Kupfer'],
      intro: [
        'Die {noun} {line} lädt tagsüber und leuchtet abends ganz von allein.',
        'Stimmungsvolles Licht ohne Kabel und Stromkosten.',
      ],
      tags: ['solar', 'licht', 'garten'],
    },
  ],
};
