/** Joins byte chunks into one array. */
export function concatBytes(pieces: Uint8Array[]): Uint8Array {
  const total = pieces.reduce((sum, piece) => sum + piece.byteLength, 0);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const piece of pieces) {
    bytes.set(piece, offset);
    offset += piece.byteLength;
  }
  return bytes;
}

/** The first bytes of a body, and a stream that yields the whole body: those bytes, then the rest. */
export interface PeekedBody {
  head: Uint8Array;
  body: ReadableStream<Uint8Array>;
}

/**
 * Reads at least `size` bytes of `body`, or all of it when it is shorter, so a caller can check
 * them before it sends anything on. A read error of the body is raised.
 */
export async function peekBody(body: ReadableStream<Uint8Array>, size: number): Promise<PeekedBody> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let ended = false;
  while (length < size) {
    const { done, value } = await reader.read();
    if (done) {
      ended = true;
      break;
    }
    chunks.push(value);
    length += value.byteLength;
  }

  const replay = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      if (ended) controller.close();
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return { head: concatBytes(chunks), body: replay };
}
