/**
 * A small, safe Markdown renderer: the text becomes React elements, never HTML. Whatever a
 * person typed (including <script> or <img onerror>) is shown as text. Supported: paragraphs,
 * line breaks, headings (#, ##, ###), bullet and numbered lists, **bold**, *italic*, `code`,
 * and links whose address is https: or mailto: (anything else stays plain text).
 */
import { Fragment, type ReactNode } from 'react';
import { Anchor, Box, Code, List, Text } from '@mantine/core';
import { useLangOf } from '../lang';

type Block = { type: 'paragraph'; lines: string[] } | { type: 'heading'; level: number; text: string } | { type: 'list'; ordered: boolean; items: string[] };

const HEADING = /^(#{1,3})\s+(.*)$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,9}[.)]\s+(.*)$/;

export function parseBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] | null = null;
  let list: Extract<Block, { type: 'list' }> | null = null;
  const endParagraph = () => {
    if (paragraph) blocks.push({ type: 'paragraph', lines: paragraph });
    paragraph = null;
  };
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') {
      endParagraph();
      list = null;
      continue;
    }
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (heading) {
      endParagraph();
      list = null;
      blocks.push({ type: 'heading', level: heading[1]!.length, text: heading[2]! });
    } else if (bullet || numbered) {
      endParagraph();
      const ordered = !!numbered;
      if (!list || list.ordered !== ordered) {
        list = { type: 'list', ordered, items: [] };
        blocks.push(list);
      }
      list.items.push((bullet ?? numbered)![1]!);
    } else if (list && /^\s+\S/.test(line)) {
      // An indented line continues the list item above it.
      list.items[list.items.length - 1] += `\n${line.trim()}`;
    } else {
      list = null;
      paragraph ??= [];
      paragraph.push(line);
    }
  }
  endParagraph();
  return blocks;
}

/** Only https: and mailto: addresses become links. */
export function safeHref(address: string): string | null {
  try {
    const url = new URL(address);
    return url.protocol === 'https:' || url.protocol === 'mailto:' ? url.href : null;
  } catch {
    return null;
  }
}

const INLINE =
  /\*\*(?<bold>[^*]+?)\*\*|(?<![\w])__(?<bold2>[^_]+?)__(?![\w])|\*(?<em>[^*\s](?:[^*]*?[^*\s])?)\*|(?<![\w])_(?<em2>[^_\s](?:[^_]*?[^_\s])?)_(?![\w])|`(?<code>[^`]+)`|\[(?<label>[^\]]+)\]\((?<href>[^)\s]+)\)|(?<bare>(?:https:\/\/|mailto:)[^\s<>()]+[^\s<>().,;:!?'"])/g;

function renderInline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  let key = 0;
  for (const match of text.matchAll(INLINE)) {
    const start = match.index;
    if (start > last) out.push(text.slice(last, start));
    const g = match.groups ?? {};
    if (g.bold !== undefined || g.bold2 !== undefined) out.push(<strong key={key++}>{renderInline(g.bold ?? g.bold2!)}</strong>);
    else if (g.em !== undefined || g.em2 !== undefined) out.push(<em key={key++}>{renderInline(g.em ?? g.em2!)}</em>);
    else if (g.code !== undefined) out.push(<Code key={key++}>{g.code}</Code>);
    else if (g.label !== undefined) {
      const href = safeHref(g.href!);
      out.push(
        href ? (
          <Anchor key={key++} href={href} target="_blank" rel="noopener noreferrer">
            {renderInline(g.label)}
          </Anchor>
        ) : (
          match[0]
        ),
      );
    } else {
      const href = safeHref(g.bare!);
      out.push(
        href ? (
          <Anchor key={key++} href={href} target="_blank" rel="noopener noreferrer">
            {g.bare}
          </Anchor>
        ) : (
          match[0]
        ),
      );
    }
    last = start + match[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function withBreaks(lines: string[]): ReactNode[] {
  return lines.map((line, i) => (
    <Fragment key={i}>
      {i > 0 ? <br /> : null}
      {renderInline(line)}
    </Fragment>
  ));
}

export function Markdown({ source, ...rest }: { source: string; 'data-testid'?: string }) {
  const blocks = parseBlocks(source);
  // Notes in the other language than the UI's are read with their own voice.
  const lang = useLangOf();
  return (
    <Box className="markdown" {...lang(source)} {...rest}>
      {blocks.map((block, i) => {
        switch (block.type) {
          case 'heading':
            return (
              <Text key={i} fw={700} size={block.level === 1 ? 'lg' : 'md'} mt={i > 0 ? 'sm' : 0} mb={4}>
                {renderInline(block.text)}
              </Text>
            );
          case 'list':
            return (
              <List key={i} type={block.ordered ? 'ordered' : 'unordered'} size="sm" mb="xs" withPadding>
                {block.items.map((item, j) => (
                  <List.Item key={j}>{withBreaks(item.split('\n'))}</List.Item>
                ))}
              </List>
            );
          default:
            return (
              <Text key={i} size="sm" mb="xs" style={{ overflowWrap: 'anywhere' }}>
                {withBreaks(block.lines)}
              </Text>
            );
        }
      })}
    </Box>
  );
}
