/** Recognising Office containers by their bytes: ZIP (DOCX, XLSX) and OLE compound files (old or encrypted). */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 0x03 || bytes[2] === 0x05) &&
    bytes[3] === bytes[2] + 1
  );
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An OLE compound file: an old .doc/.xls, or an Office file encrypted with a password. */
export function isOleCompound(bytes: Uint8Array): boolean {
  return OLE_MAGIC.every((b, i) => bytes[i] === b);
}

/** Whether an OLE compound file holds an encrypted Office document (its "EncryptedPackage" stream). */
export function isEncryptedOffice(bytes: Uint8Array): boolean {
  const name = 'EncryptedPackage';
  const limit = Math.min(bytes.length, 1 << 20);
  outer: for (let i = 0; i + name.length * 2 <= limit; i++) {
    for (let k = 0; k < name.length; k++) {
      if (bytes[i + 2 * k] !== name.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}
