/** One file part of a multipart/form-data body. */
export interface MultipartFile {
  fieldName: string;
  fileName: string;
  contentType: string;
  data: Buffer;
}

/**
 * Finds the file part named `field` in a multipart/form-data body (RFC 7578). Enough for one image from
 * `wx.uploadFile` or a browser FormData; anything malformed answers null. The body is already size-limited by
 * the content-type parser.
 */
export function readMultipartFile(body: Buffer, contentType: string | undefined, field: string): MultipartFile | null {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) return null;
  const delimiter = Buffer.from(`--${boundary.trim()}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const headerStart = start + delimiter.length + 2; // CRLF after the delimiter
    const next = body.indexOf(delimiter, headerStart);
    if (next === -1) return null;
    const headerEnd = body.indexOf('\r\n\r\n', headerStart);
    if (headerEnd === -1 || headerEnd > next) return null;
    const headers = body.subarray(headerStart, headerEnd).toString('utf8');
    const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    const fileName = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
    if (name === field && fileName !== undefined) {
      // The part's data ends with CRLF before the next delimiter.
      return {
        fieldName: name,
        fileName,
        contentType: /content-type:\s*([^\r\n;]+)/i.exec(headers)?.[1]?.trim().toLowerCase() ?? '',
        data: body.subarray(headerEnd + 4, next - 2),
      };
    }
    start = next;
  }
  return null;
}

/** The image type by its first bytes (never by the name or the declared type), or null. */
export function sniffImageType(data: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png';
  }
  if (data.length >= 12 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') {
    return 'image/webp';
  }
  return null;
}
