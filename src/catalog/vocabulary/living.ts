import type { CategorySpec } from './types.js';

export const living: CategorySpec = {
  id: 'wohnen',
  name: 'Wohnen',
  description: 'Leuchten, Textilien und Dekoration für ein gemütliches Zuhause.',
  vatClass: 'standard',
  weight: 8,
  brands: ['Wohnzimmer Nord', 'Lichtwerk', 'Heimat & Holz', 'Studio Fjordlicht', 'Kissenkontor'],
  details: [
    'Aus {Material} gefertigt und sorgfältig verarbeitet.',
    'Maße: {Maße}.',
    'Schlicht genug für jeden Einrichtungsstil, besonders genug für einen zweiten Blick.',
    'Die Farbe {Farbe} setzt ruhige Akzente.',
    'Entworfen in Hamburg, gefertigt in kleinen Werkstätten in Europa.',
  ],
  kinds: [
    {
      noun: 'Tischleuchte',
      shape: 'lamp',
      price: [39, 189],
      lines: ['Kegel', 'Atelier', 'Pilz', 'Linea'],
      features: ['dimmbar', 'mit Stoffschirm'],
      attributes: {
        Material: ['Metall und Leinen', 'Keramik', 'Eichenholz und Stoff'],
        Maße: ['H 45 cm, Ø 30 cm', 'H 38 cm, Ø 25 cm'],
        Fassung: ['E27', 'E14'],
      },
      colours: ['Weiß', 'Schwarz', 'Salbei', 'Terrakotta', 'Senfgelb', 'Natur'],
      intro: [
        'Die {noun} {line} taucht den Raum in warmes, blendfreies Licht.',
        'Warmes Licht für Lesesessel, Sideboard oder Nachttisch.',
      ],
      tags: ['leuchte', 'lampe', 'licht'],
    },
    {
      noun: 'Duftkerze',
      shape: 'jar',
      price: [12, 34],
      lines: ['Feigenblatt', 'Zedernholz', 'Meeresbrise', 'Lavendel', 'Bernstein'],
      features: ['im Glas'],
      attributes: {
        Material: ['Sojawachs, Baumwolldocht', 'Rapswachs, Holzdocht'],
        Brenndauer: ['40 Stunden', '55 Stunden'],
        Maße: ['H 9 cm, Ø 8 cm'],
      },
      colours: ['Creme', 'Salbei', 'Anthrazit', 'Rosa'],
      intro: [
        'Die {noun} {line} verbreitet einen dezenten, warmen Duft.',
        'Handgegossen und mit natürlichen Duftölen.',
      ],
      tags: ['kerze', 'duft', 'deko'],
    },
    {
      noun: 'Blumenvase',
      shape: 'bottle',
      price: [15, 79],
      lines: ['Amphore', 'Bauchig', 'Kegel', 'Welle'],
      titleAttributes: ['Maße'],
      attributes: {
        Material: ['Steinzeug', 'Mundgeblasenes Glas', 'Keramik, matt glasiert'],
        Maße: ['H 25 cm', 'H 32 cm', 'H 18 cm'],
      },
      colours: ['Weiß', 'Terrakotta', 'Salbei', 'Hellblau', 'Anthrazit'],
      intro: [
        'Eine {noun} mit weicher Silhouette – mit und ohne Blumen schön.',
        'Die {noun} {line} ist innen glasiert und wasserdicht.',
      ],
      tags: ['vase', 'deko'],
    },
    {
      noun: 'Aufbewahrungsbox',
      shape: 'box',
      price: [12, 45],
      lines: ['Stapel', 'Kubus', 'Loft'],
      features: ['mit Deckel', '3er-Set'],
      attributes: {
        Material: ['Filz', 'Eiche geölt', 'Leinen auf Pappe'],
        Maße: ['30 × 20 × 15 cm', '40 × 30 × 25 cm'],
      },
      colours: ['Grau', 'Natur', 'Anthrazit', 'Beige'],
      intro: [
        'Ordnung, die man gerne zeigt: die {noun} {line}.',
        'Für Spielzeug, Zeitschriften oder Wolle – stabil und schön.',
      ],
      tags: ['aufbewahrung', 'ordnung'],
    },
  ],
};
