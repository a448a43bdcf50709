/** A file download: not cached, since every download the app serves is someone's own or dated. */
export function attachment(body: string | Uint8Array, type: string, filename: string): Response {
	return new Response(body as BodyInit, {
		headers: {
			'content-type': type,
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'private, no-store'
		}
	});
}
