import { $isLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { $isListNode, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND, ListNode } from '@lexical/list';
import { $createHeadingNode, $isHeadingNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import { $findMatchingParent, $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type LexicalEditor,
  type TextFormatType,
} from 'lexical';
import { useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent, type ReactNode } from 'react';
import { usePilier } from '../store';
import { LinkDialog } from './LinkDialog';
import { getEditor, subscribeEditors } from './registry';

type BlockKind = 'paragraph' | 'h2' | 'h3' | 'bullet' | 'number' | 'other';

interface ToolbarState {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  link: boolean;
  block: BlockKind;
  canUndo: boolean;
  canRedo: boolean;
}

const IDLE: ToolbarState = { bold: false, italic: false, underline: false, link: false, block: 'paragraph', canUndo: false, canRedo: false };

function $readState(): Omit<ToolbarState, 'canUndo' | 'canRedo'> | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const anchor = selection.anchor.getNode();
  const top = anchor.getKey() === 'root' ? anchor : anchor.getTopLevelElementOrThrow();
  let block: BlockKind = 'other';
  if ($isHeadingNode(top)) block = top.getTag() === 'h2' ? 'h2' : top.getTag() === 'h3' ? 'h3' : 'other';
  else if ($isListNode(top)) {
    const list = $getNearestNodeOfType(anchor, ListNode) ?? top;
    block = list.getListType() === 'number' ? 'number' : 'bullet';
  } else if (top.getType() === 'paragraph') block = 'paragraph';
  return {
    bold: selection.hasFormat('bold'),
    italic: selection.hasFormat('italic'),
    underline: selection.hasFormat('underline'),
    link: $findMatchingParent(anchor, $isLinkNode) !== null,
    block,
  };
}

function ToolButton(props: { label: string; pressed?: boolean; disabled?: boolean; shortcut?: string; onPress: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      className="tool"
      aria-label={props.label}
      title={props.shortcut ? `${props.label} (${props.shortcut})` : props.label}
      aria-pressed={props.pressed}
      aria-keyshortcuts={props.shortcut?.replace('Ctrl', 'Control')}
      disabled={props.disabled}
      // Keeps the caret in the text for mouse users; keyboard users come back with Shift+Tab.
      onMouseDown={(e) => e.preventDefault()}
      onClick={props.onPress}
    >
      {props.children}
    </button>
  );
}

/** Moves between the toolbar's controls with the arrow keys (the ARIA toolbar pattern). */
function onToolbarKey(event: KeyboardEvent<HTMLDivElement>): void {
  if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
  if (event.target instanceof HTMLSelectElement) return;
  const controls = [...event.currentTarget.querySelectorAll<HTMLElement>('button:not(:disabled), select')];
  const i = controls.indexOf(event.target as HTMLElement);
  if (i < 0) return;
  event.preventDefault();
  controls[(i + (event.key === 'ArrowRight' ? 1 : controls.length - 1)) % controls.length]?.focus();
}

/** The formatting toolbar; it acts on the section that last had the focus. */
export function Toolbar() {
  const activeSectionId = usePilier((s) => s.activeSectionId);
  const [state, setState] = useState<ToolbarState>(IDLE);
  const [linkOpen, setLinkOpen] = useState(false);
  const editorRef = useRef<LexicalEditor | null>(null);
  const editor = useSyncExternalStore(subscribeEditors, () => (activeSectionId ? getEditor(activeSectionId) : undefined));
  editorRef.current = editor ?? null;

  useEffect(() => {
    if (!editor) return;
    const refresh = (): void => {
      const read = editor.getEditorState().read($readState);
      if (read) setState((s) => ({ ...s, ...read }));
    };
    refresh();
    return mergeRegister(
      editor.registerUpdateListener(refresh),
      editor.registerCommand(CAN_UNDO_COMMAND, (canUndo) => (setState((s) => ({ ...s, canUndo })), false), COMMAND_PRIORITY_LOW),
      editor.registerCommand(CAN_REDO_COMMAND, (canRedo) => (setState((s) => ({ ...s, canRedo })), false), COMMAND_PRIORITY_LOW),
    );
  }, [editor]);

  const act = (work: (e: LexicalEditor) => void): void => {
    const target = editorRef.current;
    if (!target) return;
    work(target);
    target.focus();
  };
  const format = (type: TextFormatType) => act((e) => e.dispatchCommand(FORMAT_TEXT_COMMAND, type));
  const setBlock = (kind: BlockKind) =>
    act((e) => {
      if (kind === 'bullet' || kind === 'number') {
        e.dispatchCommand(state.block === kind ? REMOVE_LIST_COMMAND : kind === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND, undefined);
        return;
      }
      e.update(() => {
        const selection = $getSelection();
        $setBlocksType(selection, () => (kind === 'h2' || kind === 'h3' ? $createHeadingNode(kind) : $createParagraphNode()));
      });
    });

  const disabled = !editor;
  return (
    <div className="toolbar" role="toolbar" aria-label="Mise en forme du texte" aria-controls="document" onKeyDown={onToolbarKey}>
      <ToolButton label="Annuler" shortcut="Ctrl+Z" disabled={disabled || !state.canUndo} onPress={() => act((e) => e.dispatchCommand(UNDO_COMMAND, undefined))}>
        Annuler
      </ToolButton>
      <ToolButton label="Rétablir" shortcut="Ctrl+Y" disabled={disabled || !state.canRedo} onPress={() => act((e) => e.dispatchCommand(REDO_COMMAND, undefined))}>
        Rétablir
      </ToolButton>
      <span className="tool-separator" aria-hidden="true" />
      <label className="visually-hidden" htmlFor="block-style">
        Style du paragraphe
      </label>
      <select
        id="block-style"
        className="tool-select"
        disabled={disabled}
        value={state.block === 'h2' || state.block === 'h3' ? state.block : 'paragraph'}
        onChange={(e) => setBlock(e.target.value as BlockKind)}
      >
        <option value="paragraph">Texte courant</option>
        <option value="h2">Titre de niveau 2</option>
        <option value="h3">Titre de niveau 3</option>
      </select>
      <span className="tool-separator" aria-hidden="true" />
      <ToolButton label="Gras" shortcut="Ctrl+B" pressed={state.bold} disabled={disabled} onPress={() => format('bold')}>
        <b>G</b>
      </ToolButton>
      <ToolButton label="Italique" shortcut="Ctrl+I" pressed={state.italic} disabled={disabled} onPress={() => format('italic')}>
        <i>I</i>
      </ToolButton>
      <ToolButton label="Souligné" shortcut="Ctrl+U" pressed={state.underline} disabled={disabled} onPress={() => format('underline')}>
        <u>S</u>
      </ToolButton>
      <span className="tool-separator" aria-hidden="true" />
      <ToolButton label="Liste à puces" pressed={state.block === 'bullet'} disabled={disabled} onPress={() => setBlock('bullet')}>
        Puces
      </ToolButton>
      <ToolButton label="Numéros (liste numérotée)" pressed={state.block === 'number'} disabled={disabled} onPress={() => setBlock('number')}>
        Numéros
      </ToolButton>
      <ToolButton
        label="Insérer un tableau"
        disabled={disabled}
        onPress={() => act((e) => e.dispatchCommand(INSERT_TABLE_COMMAND, { rows: '3', columns: '3', includeHeaders: { rows: true, columns: false } }))}
      >
        Tableau
      </ToolButton>
      <ToolButton
        label={state.link ? 'Retirer le lien' : 'Insérer un lien'}
        pressed={state.link}
        disabled={disabled}
        onPress={() => (state.link ? act((e) => e.dispatchCommand(TOGGLE_LINK_COMMAND, null)) : setLinkOpen(true))}
      >
        Lien
      </ToolButton>
      {linkOpen && (
        <LinkDialog
          onClose={(url) => {
            setLinkOpen(false);
            if (url) act((e) => e.dispatchCommand(TOGGLE_LINK_COMMAND, url));
            else editorRef.current?.focus();
          }}
        />
      )}
    </div>
  );
}
