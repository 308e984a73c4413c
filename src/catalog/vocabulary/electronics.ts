import type { CategorySpec } from './types.js';

export const electronics: CategorySpec = {
  id: 'elektronik',
  name: 'Elektronik',
  description: 'Kopfhörer, Lautsprecher und Zubehör, das lange hält.',
  vatClass: 'standard',
  weight: 8,
  brands: ['Klangwerk', 'Voltmann', 'Funkhaus Audio', 'Stromlinie', 'Hörgut'],
  details: [
    'Akkulaufzeit: {Akkulaufzeit}.',
    'Verbindung: {Verbindung}.',
    'Gewicht: {Gewicht}.',
    'Aufgeladen wird per USB-C – ein Kabel liegt bei.',
    'Zwei Jahre Garantie und Ersatzteile für mindestens fünf Jahre.',
    'Die Bedienung ist schnell verstanden, eine Anleitung liegt auf Deutsch bei.',
  ],
  kinds: [
    {
      noun: 'Kopfhörer',
      shape: 'headphones',
      price: [49, 349],
      lines: ['Studio', 'Reise ANC', 'Klangwerk One', 'Over-Ear Pro'],
      features: ['Bluetooth', 'mit Geräuschunterdrückung', 'kabellos'],
      attributes: {
        Akkulaufzeit: ['30 Stunden', '40 Stunden', '25 Stunden'],
        Verbindung: ['Bluetooth 5.3', 'Bluetooth 5.3 und 3,5-mm-Klinke'],
        Gewicht: { min: 0.18, max: 0.32, step: 0.01, unit: 'kg' },
      },
      colours: ['Schwarz', 'Weiß', 'Sand', 'Marineblau', 'Salbei'],
      intro: [
        'Der {noun} {line} klingt klar und ausgewogen, auch bei hoher Lautstärke.',
        'Weiche Ohrpolster und ein leichter Bügel für lange Hörsessions.',
      ],
      tags: ['kopfhörer', 'audio', 'musik'],
    },
    {
      noun: 'Bluetooth-Lautsprecher',
      shape: 'speaker',
      price: [39, 249],
      lines: ['Mini', 'Outdoor', 'Party', 'Stereo'],
      features: ['wasserdicht IP67', 'mit Tragegriff'],
      attributes: {
        Akkulaufzeit: ['12 Stunden', '20 Stunden'],
        Verbindung: ['Bluetooth 5.2', 'Bluetooth 5.3 und WLAN'],
        Gewicht: { min: 0.3, max: 2.4, step: 0.1, unit: 'kg' },
      },
      colours: ['Schwarz', 'Petrol', 'Rot', 'Grau', 'Sand'],
      intro: [
        'Der {noun} {line} füllt Wohnzimmer und Garten mit sattem Klang.',
        'Kompakt, robust und erstaunlich basskräftig.',
      ],
      tags: ['lautsprecher', 'audio', 'bluetooth'],
    },
    {
      noun: 'Powerbank',
      shape: 'speaker',
      price: [19, 79],
      lines: ['Slim', 'Travel', 'Solar', 'Mag'],
      titleAttributes: ['Kapazität'],
      features: ['USB-C', 'Schnellladen'],
      attributes: {
        Kapazität: ['10.000 mAh', '20.000 mAh'],
        Verbindung: ['USB-C und USB-A'],
        Gewicht: { min: 0.18, max: 0.45, step: 0.01, unit: 'kg' },
      },
      colours: ['Schwarz', 'Weiß', 'Grau'],
      intro: [
        'Die {noun} {line} lädt ein Smartphone mehrmals vollständig auf.',
        'Klein genug für die Jackentasche, stark genug für ein Wochenende.',
      ],
      tags: ['powerbank', 'laden', 'akku'],
    },
    {
      noun: 'Radiowecker',
      shape: 'speaker',
      price: [29, 99],
      lines: ['DAB+', 'Retro', 'Lichtwecker'],
      attributes: {
        Verbindung: ['DAB+ und UKW', 'DAB+, UKW und Bluetooth'],
        Gewicht: { min: 0.4, max: 1.1, step: 0.1, unit: 'kg' },
      },
      colours: ['Weiß', 'Schwarz', 'Natur'],
      intro: [
        'Der {noun} {line} weckt sanft mit Radio oder Naturklängen.',
        'Großes, dimmbares Display und intuitive Tasten.',
      ],
      tags: ['radio', 'wecker'],
    },
  ],
};
