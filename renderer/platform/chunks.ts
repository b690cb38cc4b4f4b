/**
 * Splitting a long text for IPC messages of bounded size. A cut never falls between the two
 * halves of a surrogate pair (an emoji, a rare CJK character): each chunk is written as UTF-8 on
 * its own, and half a pair would become U+FFFD.
 */
export function chunksOf(text: string, size: number): string[] {
  if (size < 2) throw new RangeError('chunk size must be at least 2');
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks.length > 0 ? chunks : [''];
}
