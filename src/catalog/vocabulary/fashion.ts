import type { CategorySpec } from './types.js';

const CLOTHING_SIZES = ['XS', 'S', 'M', 'L', 'XL', 'XXL'] as const;
const SHOE_SIZES = ['37', '38', '39', '40', '41', '42', '43', '44', '45', '46'] as const;

export const fashion: CategorySpec = {
  id: 'mode',
  name: 'Mode',
  description: 'Shirts, Pullover und Jacken aus guten Materialien, fair produziert.',
  vatClass: 'standard',
  weight: 10,
  brands: ['Hafenkind', 'Strickwerk', 'Leinenliebe', 'Nordfaden', 'Kleiderei', 'Stadtgrün'],
  details: [
    'Material: {Material}.',
    'Passform: {Passform}.',
    'Pflegeleicht: {Pflege}.',
    'Hergestellt in Portugal in einem familiengeführten Betrieb.',
    'Das Model ist 1,80 m groß und trägt Größe M.',
    'GOTS-zertifiziert und ohne schädliche Chemikalien gefärbt.',
  ],
  kinds: [
    {
      noun: 'T-Shirt',
      shape: 'shirt',
      price: [19, 39],
      lines: ['Basic', 'Heavy', 'Organic', 'Ringel', 'Pocket'],
      features: ['Rundhals', 'V-Ausschnitt'],
      attributes: {
        Material: ['100 % Bio-Baumwolle', 'Baumwolle und Leinen'],
        Passform: ['Regular Fit', 'Relaxed Fit', 'Slim Fit'],
        Pflege: ['Maschinenwäsche 30 °C'],
      },
      colours: ['Weiß', 'Schwarz', 'Marineblau', 'Salbei', 'Bordeaux', 'Senfgelb', 'Grau'],
      intro: [
        'Das {noun} {line} ist weich, formstabil und wird mit jedem Waschen schöner.',
        'Ein Lieblingsteil für jeden Tag, aus dichtem Single Jersey.',
      ],
      variants: { kind: 'size-colour', sizes: CLOTHING_SIZES },
      tags: ['shirt', 'basics'],
    },
    {
      noun: 'Strickpullover',
      shape: 'shirt',
      price: [59, 149],
      lines: ['Fischer', 'Zopf', 'Classic', 'Rollkragen'],
      attributes: {
        Material: ['100 % Merinowolle', 'Baumwolle und Kaschmir', 'Lambswool'],
        Passform: ['Regular Fit', 'Oversized'],
        Pflege: ['Handwäsche', 'Wollwaschgang 30 °C'],
      },
      colours: ['Creme', 'Marineblau', 'Tannengrün', 'Grau', 'Cognac'],
      intro: [
        'Der {noun} {line} hält warm, ohne aufzutragen.',
        'Fein gestrickt, angenehm auf der Haut und zeitlos im Schnitt.',
      ],
      variants: { kind: 'size-colour', sizes: CLOTHING_SIZES },
      tags: ['pullover', 'strick', 'wolle'],
    },
    {
      noun: 'Kapuzenpullover',
      shape: 'shirt',
      price: [49, 89],
      lines: ['College', 'Everyday', 'Heavy'],
      attributes: {
        Material: ['Baumwolle, angeraut', 'Bio-Baumwolle und recyceltes Polyester'],
        Passform: ['Regular Fit', 'Relaxed Fit'],
        Pflege: ['Maschinenwäsche 30 °C'],
      },
      colours: ['Grau', 'Schwarz', 'Olivgrün', 'Bordeaux', 'Sand'],
      intro: [
        'Der {noun} {line} ist innen angeraut und herrlich kuschelig.',
        'Mit Kängurutasche und doppellagiger Kapuze.',
      ],
      variants: { kind: 'size-colour', sizes: CLOTHING_SIZES },
      tags: ['hoodie', 'sweat'],
    },
    {
      noun: 'Regenjacke',
      shape: 'shirt',
      price: [89, 249],
      lines: ['Friesennerz', 'Stadt', 'Hanse', 'Küste'],
      features: ['wasserdicht', 'atmungsaktiv'],
      attributes: {
        Material: ['Polyester mit PU-Beschichtung', 'Recyceltes Nylon, 3-Lagen'],
        Passform: ['Regular Fit'],
        Pflege: ['Maschinenwäsche 30 °C, nicht bügeln'],
      },
      colours: ['Gelb', 'Marineblau', 'Rot', 'Olivgrün', 'Schwarz'],
      intro: [
        'Die {noun} {line} hält dicht, wenn es an der Küste waagerecht regnet.',
        'Mit verschweißten Nähten, Kapuze und verstellbaren Bündchen.',
      ],
      variants: { kind: 'size-colour', sizes: CLOTHING_SIZES },
      tags: ['jacke', 'regen', 'outdoor'],
    },
  ],
};

export const shoes: CategorySpec = {
  id: 'schuhe',
  name: 'Schuhe',
  description: 'Sneaker, Laufschuhe und Stiefel in allen Größen.',
  vatClass: 'standard',
  weight: 8,
  brands: ['Schrittmacher', 'Sohlenwerk', 'Laufwerk Berlin', 'Lederhaus Pirmasens', 'Barfußwelt'],
  details: [
    'Obermaterial: {Obermaterial}.',
    'Sohle: {Sohle}.',
    'Fällt normal aus; bei halben Größen empfehlen wir die größere.',
    'Mit herausnehmbarer Einlegesohle aus Kork und Latex.',
    'In Handarbeit gefertigt und wiederbesohlbar.',
  ],
  kinds: [
    {
      noun: 'Sneaker',
      shape: 'shoe',
      price: [69, 149],
      lines: ['Court', 'Retro Low', 'Canvas', 'City'],
      attributes: {
        Obermaterial: ['Glattleder', 'Canvas', 'Wildleder'],
        Sohle: ['Naturkautschuk', 'Gummi, vulkanisiert'],
      },
      colours: ['Weiß', 'Schwarz', 'Marineblau', 'Grün', 'Sand'],
      intro: [
        'Der {noun} {line} passt zu Jeans, Chino und Sommerkleid.',
        'Klassischer Schnitt, bequemes Fußbett, saubere Nähte.',
      ],
      variants: { kind: 'size', sizes: SHOE_SIZES },
      tags: ['sneaker', 'schuhe'],
    },
    {
      noun: 'Laufschuh',
      shape: 'shoe',
      price: [89, 179],
      lines: ['Tempo', 'Marathon', 'Trail', 'Komfort'],
      features: ['gedämpft', 'für Damen und Herren'],
      attributes: {
        Obermaterial: ['Mesh, atmungsaktiv', 'Knit'],
        Sohle: ['EVA-Schaum, Gummi', 'Profilsohle'],
        Sprengung: ['8 mm', '10 mm', '4 mm'],
      },
      colours: ['Blau', 'Orange', 'Schwarz', 'Türkis', 'Rot'],
      intro: [
        'Der {noun} {line} federt weich und gibt beim Abdruck Energie zurück.',
        'Leicht, atmungsaktiv und stabil auf langen Strecken.',
      ],
      variants: { kind: 'size', sizes: SHOE_SIZES },
      tags: ['laufschuh', 'laufen', 'sport'],
    },
    {
      noun: 'Wanderschuh',
      shape: 'shoe',
      price: [119, 229],
      lines: ['Alpin Mid', 'Hüttenweg', 'Trekking GTX'],
      features: ['wasserdicht', 'knöchelhoch'],
      attributes: {
        Obermaterial: ['Nubukleder', 'Veloursleder und Textil'],
        Sohle: ['Vibram-Profilsohle', 'Gummi mit Profil'],
      },
      colours: ['Braun', 'Anthrazit', 'Olivgrün', 'Cognac'],
      intro: [
        'Der {noun} {line} gibt Halt auf Geröll und bleibt innen trocken.',
        'Eingelaufen in wenigen Tagen und bequem über viele Jahre.',
      ],
      variants: { kind: 'size', sizes: SHOE_SIZES },
      tags: ['wanderschuh', 'wandern', 'outdoor'],
    },
    {
      noun: 'Chelsea Boots',
      shape: 'shoe',
      price: [129, 219],
      lines: ['Classic', 'Urban', 'Winter'],
      attributes: { Obermaterial: ['Glattleder', 'Wildleder'], Sohle: ['Leder mit Gummiauflage', 'Profilgummi'] },
      colours: ['Cognac', 'Schwarz', 'Braun'],
      intro: [
        'Die {noun} {line} sind mit Elastikeinsatz schnell an- und ausgezogen.',
        'Aus pflanzlich gegerbtem Leder, das mit der Zeit Patina bekommt.',
      ],
      variants: { kind: 'size', sizes: SHOE_SIZES },
      tags: ['stiefel', 'boots', 'leder'],
    },
  ],
};
