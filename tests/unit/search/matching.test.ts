import { SEARCH_FIELDS } from '../../../src/wasm/search-documents.js';
import { describe, expect, it } from 'vitest';
import { SearchEngine } from '../../../src/wasm/search.js';
import { catalog, product } from './fixture.js';

const ids = (engine: SearchEngine, query: string, asYouType = false) =>
  engine.search(query, { asYouType, limit: 50 }).hits.map((h) => h.product.id);

describe('search: words and their forms', () => {
  it('finds umlauts written as umlauts, without dots, or as ae/oe/ue, and ß as ss', async () => {
    const engine = await SearchEngine.build(
      catalog([
        product('muehle', { title: 'Kaffeemühle Handmahlwerk' }),
        product('strasse', { title: 'Straßenschuh Größe 42' }),
        product('kaese', { title: 'Kaesehobel' }),
        product('other', { title: 'Teekanne Glas' }),
      ]),
    );
    for (const q of ['Kaffeemühle', 'kaffeemuhle', 'kaffeemuehle', 'KAFFEEMÜHLE'])
      expect(ids(engine, q)).toEqual(['muehle']);
    for (const q of ['strassenschuh', 'Straßenschuh', 'STRASSENSCHUH', 'grosse'])
      expect(ids(engine, q)).toEqual(['strasse']);
    // the other way round: the catalog wrote "ae", the shopper types "ä"
    expect(ids(engine, 'käsehobel')).toEqual(['kaese']);
  });

  it('matches decomposed umlauts (u + combining diaeresis) and other Latin accents', async () => {
    const engine = await SearchEngine.build(
      catalog([product('a', { title: 'Müsli Crème brûlée' }), product('b', { title: 'Brot' })]),
    );
    expect(ids(engine, 'mu\u0308sli')).toEqual(['a']);
    expect(ids(engine, 'creme brulee')).toEqual(['a']);
  });

  it('finds the head of a compound word: "rucksack" finds "Wanderrucksack"', async () => {
    const engine = await SearchEngine.build(
      catalog([
        product('wander', { title: 'Wanderrucksack Alpin' }),
        product('plain', { title: 'Rucksack Stadt' }),
        product('sack', { title: 'Schlafsack Daune' }),
      ]),
    );
    const found = ids(engine, 'rucksack');
    expect(found).toEqual(['plain', 'wander']); // the word itself ranks above the compound
    expect(ids(engine, 'Rucksäcke')).toEqual(['plain', 'wander']);
  });

  it('stems German and English plurals and endings', async () => {
    const engine = await SearchEngine.build(
      catalog([
        product('tasche', { title: 'Tasche aus Leder' }),
        product('bohne', { title: 'Kaffee ganze Bohnen' }),
        product('bottle', { title: 'Drinking bottles steel' }),
      ]),
    );
    expect(ids(engine, 'taschen')).toEqual(['tasche']);
    expect(ids(engine, 'bohne')).toEqual(['bohne']);
    expect(ids(engine, 'bottle')).toEqual(['bottle']);
  });

  it('ranks an exact word above its stemmed form', async () => {
    const engine = await SearchEngine.build(
      catalog([product('plural', { title: 'Taschen Set' }), product('singular', { title: 'Tasche Set' })]),
    );
    expect(ids(engine, 'tasche')).toEqual(['singular', 'plural']);
    expect(ids(engine, 'taschen')).toEqual(['plural', 'singular']);
  });

  it('matches the last word as a prefix while typing, and not after a space', async () => {
    const engine = await SearchEngine.build(
      catalog([product('kocher', { title: 'Wasserkocher Glas' }), product('kanne', { title: 'Wasserkanne Ton' })]),
    );
    expect(ids(engine, 'wasserk', true).sort()).toEqual(['kanne', 'kocher']);
    expect(ids(engine, 'wasserkoc', true)[0]).toBe('kocher');
    expect(ids(engine, 'glas wasserko', true)).toEqual(['kocher']);
    expect(ids(engine, 'wasserkoc ', true)).toEqual([]);
    expect(ids(engine, 'wasserkoc', false)).toEqual([]);
  });

  it('ranks an exact word above a word it is a prefix of', async () => {
    const engine = await SearchEngine.build(
      catalog([product('long', { title: 'Teekanne' }), product('short', { title: 'Tee' })]),
    );
    expect(ids(engine, 'tee', true)).toEqual(['short', 'long']);
  });
});

describe('search: typos', () => {
  const products = [
    product('maschine', { title: 'Kaffeemaschine Kompakt' }),
    product('jacke', { title: 'Regenjacke Küste' }),
    product('lampe', { title: 'Lampe Nordlicht' }),
    product('lamp2', { title: 'Lampen Set' }),
  ];

  it('forgives one edit in words of four or more letters, including a swap of two letters', async () => {
    const engine = await SearchEngine.build(catalog(products));
    expect(ids(engine, 'regenjake')).toEqual(['jacke']); // deletion
    expect(ids(engine, 'lmape')).toContain('lampe'); // transposition
    expect(ids(engine, 'lampx')).toContain('lampe'); // substitution
    expect(ids(engine, 'lam')).toEqual([]); // too short to guess
  });

  it('forgives two edits in words of eight or more letters, not in shorter ones', async () => {
    const engine = await SearchEngine.build(catalog(products));
    expect(ids(engine, 'kafemaschine')).toEqual(['maschine']); // "kaffeemaschine" less f and e
    expect(ids(engine, 'kafeemaschne')).toEqual(['maschine']);
    expect(ids(engine, 'kafemaschne')).toEqual([]); // three edits
    expect(ids(engine, 'lxmpx')).toEqual([]); // two edits in five letters
  });

  it('finds the head of a compound through a typo: "rucksak" finds "Wanderrucksack"', async () => {
    const engine = await SearchEngine.build(
      catalog([product('wander', { title: 'Wanderrucksack Alpin' }), product('zelt', { title: 'Zelt Kuppel' })]),
    );
    expect(ids(engine, 'rucksak')).toEqual(['wander']);
    expect(ids(engine, 'rucksak alpin')).toEqual(['wander']);
  });

  it('never ranks a typo match above a match as typed: typos count only when the typed words find nothing', async () => {
    const engine = await SearchEngine.build(
      catalog([
        product('typo', { title: 'Lampe Holz' }),
        product('exact', { title: 'Rampe Holz' }),
        product('other', { title: 'Rampe Stahl' }),
      ]),
    );
    expect(ids(engine, 'rampe holz')).toEqual(['exact']);
    expect(ids(engine, 'lampe holz')).toEqual(['typo']);
    // "lampe stahl" exists together only through a typo: then the typo is taken
    expect(ids(engine, 'lampe stahl')).toEqual(['other']);
  });

  it("suggests the catalog's word when a word was misspelt, and nothing when all were found", async () => {
    const engine = await SearchEngine.build(catalog(products));
    const misspelt = engine.search('kafemaschine kompakt', { asYouType: false });
    expect(misspelt.exact).toBe(false);
    expect(misspelt.suggestion).toBe('kaffeemaschine kompakt');
    const fine = engine.search('Kaffeemaschine', { asYouType: false });
    expect(fine.exact).toBe(true);
    expect(fine.suggestion).toBeUndefined();
  });
});

describe('search: ranking', () => {
  it('weighs a word in the title above the same word in the description', async () => {
    const engine = await SearchEngine.build(
      catalog([
        product('desc', { title: 'Becher', description: 'Passt gut zu jeder Thermoskanne im Haus.' }),
        product('title', { title: 'Thermoskanne', description: 'Hält warm.' }),
        product('tag', { title: 'Flasche', tags: ['thermoskanne'] }),
      ]),
      // the engine weighs all six fields; the shipped index holds fewer (below)
      { fields: SEARCH_FIELDS },
    );
    expect(ids(engine, 'thermoskanne')).toEqual(['title', 'tag', 'desc']);
  });

  it('ships an index of title, brand, category and tags: a word only in the description or attributes finds nothing', async () => {
    const engine = await SearchEngine.build(
      catalog([
        product('desc', { title: 'Becher', description: 'Passt gut zu jeder Thermoskanne im Haus.' }),
        product('attr', { title: 'Kanne', attributes: { Material: 'Edelstahl' } }),
        product('tag', { title: 'Flasche', brand: 'Hausmarke', tags: ['thermoskanne'] }),
      ]),
    );
    expect(ids(engine, 'thermoskanne')).toEqual(['tag']);
    expect(ids(engine, 'edelstahl')).toEqual([]);
    expect(ids(engine, 'hausmarke flasche')).toEqual(['tag']);
  });

  it('needs every word to match, and falls back to most words when none matches all', async () => {
    const engine = await SearchEngine.build(
      catalog([product('both', { title: 'Rote Tasse' }), product('one', { title: 'Blaue Tasse' })]),
    );
    expect(ids(engine, 'rote tasse')).toEqual(['both']);
    const fallback = engine.search('grüne tasse', { asYouType: false });
    expect(fallback.partial).toBe(true);
    expect(fallback.hits.map((h) => h.product.id).sort()).toEqual(['both', 'one']);
  });

  it('breaks ties by stock and rating, then keeps catalog order', async () => {
    const engine = await SearchEngine.build(
      catalog([
        product('out', { title: 'Tasse', stock: 0, rating: 5 }),
        product('low', { title: 'Tasse', rating: 3 }),
        product('high', { title: 'Tasse', rating: 4.8 }),
        product('same1', { title: 'Tasse', rating: 3 }),
      ]),
    );
    expect(ids(engine, 'tasse')).toEqual(['high', 'low', 'same1', 'out']);
    // and the same on every run
    expect(ids(engine, 'tasse')).toEqual(ids(engine, 'tasse'));
  });

  it('reports where each hit matched in its title and brand', async () => {
    const engine = await SearchEngine.build(
      catalog([product('a', { title: 'Große Kaffeemühle aus Holz', brand: 'Mühlenwerk' })]),
    );
    const [hit] = engine.search('kaffeemuhle muhlenw').hits;
    expect(hit?.highlights.title).toEqual([[6, 17]]);
    expect(hit?.highlights.brand).toEqual([[0, 10]]);
  });
});
