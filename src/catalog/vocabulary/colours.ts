/** Colour names a shopper reads, with the tone the product photo is drawn in. */
export const COLOURS: Readonly<Record<string, string>> = {
  Schwarz: '#26262a',
  Weiß: '#ecebe6',
  Grau: '#8d9196',
  Anthrazit: '#43474d',
  Silber: '#b9bec4',
  Edelstahl: '#a9aeb3',
  Kupfer: '#b8734a',
  Blau: '#2f5fa8',
  Marineblau: '#1f2d4d',
  Hellblau: '#8fb6dc',
  Petrol: '#1f6770',
  Türkis: '#2aa3a0',
  Grün: '#3d7d4a',
  Olivgrün: '#6b6f3a',
  Salbei: '#9bab8e',
  Tannengrün: '#2b4a36',
  Rot: '#b8312f',
  Bordeaux: '#6e1f2d',
  Rosa: '#e3a6b4',
  Orange: '#e0782f',
  Gelb: '#e8c33a',
  Senfgelb: '#c99a2e',
  Beige: '#d8c6a5',
  Sand: '#cdb791',
  Braun: '#6d4a33',
  Cognac: '#9a5b2e',
  Natur: '#e2d6bd',
  Terrakotta: '#c0643f',
  Creme: '#f1e8d2',
};

export function colourHex(name: string): string {
  return COLOURS[name] ?? '#888888';
}
