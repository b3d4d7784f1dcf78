/**
 * Slack's size limits on a message (PLATFORM.md, Block Kit reference), checked the way Slack checks them: a message
 * over any of them is refused whole (`invalid_blocks`), nothing of it shown.
 */
const LIMITS = { blocks: 50, text: 40_000, sectionText: 3_000, field: 2_000, contextText: 3_000, buttonText: 75, buttonValue: 2_000 };

type Obj = Record<string, unknown>;
const textOf = (t: unknown): string => (t && typeof t === 'object' && typeof (t as Obj).text === 'string' ? ((t as Obj).text as string) : '');

/** What in a message is over Slack's limits; undefined when it fits. */
export function overSlackLimits(message: Obj): string | undefined {
  if (typeof message.text === 'string' && message.text.length > LIMITS.text) return 'text';
  const blocks = Array.isArray(message.blocks) ? (message.blocks as Obj[]) : [];
  if (blocks.length > LIMITS.blocks) return 'blocks';
  for (const [i, block] of blocks.entries()) {
    if (block.type === 'section') {
      if (textOf(block.text).length > LIMITS.sectionText) return `blocks[${i}].text`;
      if (Array.isArray(block.fields) && block.fields.some((f) => textOf(f).length > LIMITS.field)) return `blocks[${i}].fields`;
    }
    const elements = Array.isArray(block.elements) ? (block.elements as Obj[]) : [];
    const accessory = block.accessory ? [block.accessory as Obj] : [];
    for (const e of [...elements, ...accessory]) {
      if (block.type === 'context' && textOf(e).length > LIMITS.contextText) return `blocks[${i}].elements`;
      if (e.type === 'button' && (textOf(e.text).length > LIMITS.buttonText || (typeof e.value === 'string' && e.value.length > LIMITS.buttonValue))) return `blocks[${i}].button`;
    }
  }
  return undefined;
}
