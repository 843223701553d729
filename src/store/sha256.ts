/** SHA-256 as lowercase hex, of bytes or of text as UTF-8: the one digest the store and the services keep. */
import { createHash } from 'node:crypto';

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}
