// The demo's web server (`npm start`): adapter-node's request handler on a plain-http listener.
// Unless ORIGIN is set, each request's origin is http:// and the host the person typed (localhost,
// 127.0.0.1, the machine's address on the network), so SvelteKit's CSRF check accepts their forms
// wherever they opened the demo. A production server never does this: it runs build/index.js with
// a fixed https ORIGIN (`npm run serve`), because a Host header is the client's to choose.
import http from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
// adapter-node takes the protocol from this header, https without it; this listener sets it on
// every request (over whatever a client sent), so it always says the truth: http.
const PROTOCOL_HEADER = 'x-sessional-demo-protocol';
const followsHost = !process.env.ORIGIN;
if (followsHost) {
	// An empty ORIGIN is no ORIGIN (adapter-node would refuse it as an invalid URL).
	delete process.env.ORIGIN;
	process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;
}
// Imported after the environment is set: the handler reads it once, and starts the app.
const { handler } = await import(pathToFileURL(join(root, 'build', 'handler.js')).href);

const server = http.createServer((req, res) => {
	if (followsHost) req.headers[PROTOCOL_HEADER] = 'http';
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
});
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
server.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));

// As build/index.js does: stop taking requests, then let the app close its database.
for (const signal of ['SIGINT', 'SIGTERM'])
	process.once(signal, () => {
		server.closeIdleConnections();
		server.close(() => process.emit('sveltekit:shutdown', signal));
		setTimeout(() => server.closeAllConnections(), 5_000).unref();
	});
