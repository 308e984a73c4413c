// laden-pricing: the pricing engine as a WASI command. A cart (JSON) on stdin, the catalog and the
// rules from files the runtime preopened, the quote (JSON) on stdout; bad input is a message on
// stderr and exit code 2. Run as a CGI program (WAGI, Spin) it answers `POST /quote` instead:
// the request in environment variables and stdin, headers and the body on stdout.
import { CatalogItems, readCatalog } from './catalog';
import { readCart } from './cart';
import { knownCoupons, runQuote, writeCatalog, writeRules } from './engine';
import { cgiMode, refuseInput, refuseSetup, respond, useCgi } from './failure';
import { environment, ioError, readAll, readFile } from './io';
import { OBJECT, jsonError, parseJson } from './json';
import { quoteJson } from './output';
import { Rules, readRules } from './rules';
import { NOT_AN_INSTANT, parseInstant } from './time';

const USAGE = `usage: laden-pricing <catalog.json> <rules.json> [--at <ISO date-time>] < cart.json
  Prices the cart on stdin with the catalog and promotion rules and writes the quote as JSON.
  Paths are read through the directories the runtime preopened (e.g. wasmtime --dir .).
  As a CGI program (GATEWAY_INTERFACE set, or --cgi) it answers POST requests; the files then come
  from LADEN_CATALOG and LADEN_RULES (default /data/catalog.json and /data/rules.json).`;

/** Request bodies above this are refused (a cart of 500 lines is far smaller). */
const MAX_BODY: i32 = 1 << 20;

const variables = environment();

function env(name: string, fallback: string): string {
  return variables.has(name) ? variables.get(name) : fallback;
}

function instant(value: string, source: string): i64 {
  const ms = parseInstant(value, true);
  if (ms != NOT_AN_INSTANT) return ms;
  const digits = value.length > 0 && value.length < 16 && I64.parseInt(value).toString() == value;
  if (!digits)
    refuseSetup(`${source}: expected an ISO date-time with offset (or milliseconds since 1970), not "${value}"`);
  return I64.parseInt(value);
}

function readSetupFile(path: string): string {
  const text = readFile(path);
  if (text == null) refuseSetup(`cannot read ${path}: ${ioError}`);
  return text!;
}

function checkRequest(): bool {
  const method = env('REQUEST_METHOD', '');
  if (method != 'POST') {
    respond(405, `{"error":"method-not-allowed","message":"POST a cart as JSON."}\n`, 'Allow: POST\n');
    return false;
  }
  const type = env('CONTENT_TYPE', 'application/json').toLowerCase();
  if (!type.startsWith('application/json')) {
    respond(415, `{"error":"unsupported-media-type","message":"Send the cart as application/json."}\n`);
    return false;
  }
  if (I32.parseInt(env('CONTENT_LENGTH', '0')) > MAX_BODY) {
    respond(413, `{"error":"too-large","message":"A cart is at most ${MAX_BODY >> 10} KB."}\n`);
    return false;
  }
  return true;
}

function main(): void {
  const args = process.argv;
  const paths: string[] = [];
  let at = env('LADEN_AT', '');
  for (let i = 1; i < args.length; i++) {
    const arg = args[i];
    if (arg == '--cgi') useCgi();
    else if (arg == '--help' || arg == '-h') {
      process.stdout.write(USAGE + '\n');
      return;
    } else if (arg == '--at' && i + 1 < args.length) at = args[++i];
    else if (arg.startsWith('--at=')) at = arg.substring(5);
    else paths.push(arg);
  }
  if (variables.has('GATEWAY_INTERFACE')) useCgi();

  let catalogPath: string;
  let rulesPath: string;
  if (cgiMode) {
    // A CGI host passes the query string as arguments: the files come from the environment.
    if (!checkRequest()) return;
    catalogPath = env('LADEN_CATALOG', '/data/catalog.json');
    rulesPath = env('LADEN_RULES', '/data/rules.json');
  } else {
    if (paths.length != 2) refuseSetup(`expected the catalog and the rules file\n${USAGE}`);
    catalogPath = paths[0];
    rulesPath = paths[1];
  }
  const atMs = at.length > 0 ? instant(at, '--at') : process.time();

  const catalog: CatalogItems = readCatalog(readSetupFile(catalogPath), catalogPath);
  const rules: Rules = readRules(readSetupFile(rulesPath), rulesPath);

  const body = readAll(0);
  if (body == null) refuseInput(`cannot read the cart from stdin: ${ioError}`);
  const root = parseJson(body!);
  if (root == null) refuseInput(`the cart is not valid JSON: ${jsonError}`);
  if (root!.kind != OBJECT) refuseInput('the cart must be a JSON object with "lines", "coupons" and "shipping"');

  const cart = readCart(root!, catalog);
  writeCatalog(catalog);
  writeRules(rules, catalog);
  const known = knownCoupons(cart, rules);
  runQuote(cart, known, atMs);
  const quote = quoteJson(catalog, rules, cart, known);
  if (cgiMode) respond(200, quote + '\n');
  else process.stdout.write(quote + '\n');
}

main();
