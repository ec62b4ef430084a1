/**
 * Reads XDR (big-endian, RFC 4506) numbers and bytes one after another, as R writes them in
 * its "X" serialisation format.
 */
export class XdrCursor {
  private offset = 0;
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get position(): number {
    return this.offset;
  }

  int(): number {
    this.need(4);
    const value = this.view.getInt32(this.offset);
    this.offset += 4;
    return value;
  }

  /** The two 32-bit words of a double, high word first, so NA's payload can be told from NaN. */
  doubleWords(): { high: number; low: number; value: number } {
    this.need(8);
    const high = this.view.getUint32(this.offset);
    const low = this.view.getUint32(this.offset + 4);
    const value = this.view.getFloat64(this.offset);
    this.offset += 8;
    return { high, low, value };
  }

  bytesOf(length: number): Uint8Array {
    this.need(length);
    const slice = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }

  private need(length: number): void {
    if (this.offset + length > this.bytes.byteLength)
      throw new Error(
        `R data ends early: ${length} bytes wanted at offset ${this.offset} of ${this.bytes.byteLength}`,
      );
  }
}
