/** "Chrome on Android" from a User-Agent header: enough for a doctor to recognise a device. */
export function describeUserAgent(ua: string | null | undefined): string {
	if (!ua) return 'Unknown browser';
	const browser = /Edg\//.test(ua)
		? 'Edge'
		: /Firefox\//.test(ua)
			? 'Firefox'
			: /(Chrome|Chromium|CriOS)\//.test(ua)
				? 'Chrome'
				: /Safari\//.test(ua)
					? 'Safari'
					: 'A browser';
	const system = /Android/.test(ua)
		? 'Android'
		: /iPhone|iPad|iPod/.test(ua)
			? 'iPhone or iPad'
			: /Windows/.test(ua)
				? 'Windows'
				: /Mac OS X|Macintosh/.test(ua)
					? 'Mac'
					: /Linux|X11/.test(ua)
						? 'Linux'
						: null;
	return system ? `${browser} on ${system}` : browser;
}
