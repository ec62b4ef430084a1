/** The part of seek-bzip (MIT, pure JavaScript, no types of its own) the derivation uses. */
declare module "seek-bzip" {
  const Bunzip: {
    /** Decompresses a whole bzip2 file; throws on bad data or a failed CRC check. */
    decode(input: Uint8Array, output?: undefined, multistream?: boolean): Uint8Array;
  };
  export default Bunzip;
}
