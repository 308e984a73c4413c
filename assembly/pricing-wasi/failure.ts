// How the command stops on bad input. As a command: a message on stderr and exit code 2. As a CGI
// program the process must still answer HTTP, so the same message becomes a JSON problem response.
import { quoteString } from './json-out';

/** Set when the host runs the module as a CGI program (WAGI, Spin's WAGI executor). */
export let cgiMode = false;

export function useCgi(): void {
  cgiMode = true;
}

/** Writes a CGI response: headers, an empty line, the body. */
export function respond(status: i32, body: string, extraHeaders: string = ''): void {
  process.stdout.write(`Content-Type: application/json; charset=utf-8\nStatus: ${status}\n${extraHeaders}\n${body}`);
}

function stop(status: i32, error: string, message: string): void {
  if (cgiMode) {
    respond(status, `{"error":${quoteString(error)},"message":${quoteString(message)}}\n`);
    process.exit(0);
  }
  process.stderr.write(`laden-pricing: ${message}\n`);
  process.exit(2);
}

/** The cart (or the request) is unusable: exit 2, or HTTP 400. */
export function refuseInput(message: string): void {
  stop(400, 'bad-request', message);
}

/** The catalog, the rules or the command line are unusable: exit 2, or HTTP 500 (the host's fault). */
export function refuseSetup(message: string): void {
  stop(500, 'bad-setup', message);
}
