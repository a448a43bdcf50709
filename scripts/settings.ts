// Imported first by every command-line script: the settings are read before anything else, and a
// missing or wrong one stops the script with the same lines the server prints (naming the setting
// and what to do), not a stack trace.
import { config } from '../src/lib/server/config';

try {
	config();
} catch (err) {
	console.error((err as Error).message);
	process.exit(1);
}
