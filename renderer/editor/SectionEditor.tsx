import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { useMemo } from 'react';
import { PILIER_NODES } from './nodes';
import { LinkOpenerPlugin } from './plugins/LinkOpenerPlugin';
import { PassagePlugin } from './plugins/PassagePlugin';
import { PlaceholderPlugin } from './plugins/PlaceholderPlugin';
import { SectionSyncPlugin } from './plugins/SectionSyncPlugin';
import { editorTheme } from './theme';
import { isSafeUrl } from './links';

interface SectionEditorProps {
  sectionId: string;
  title: string;
  /** The serialised Lexical state the editor starts from. */
  content: string;
}

/**
 * One section's rich-text editor, with its own undo history. Tab leaves the editor (no Tab handling in
 * tables), so keyboard users are never trapped in the text.
 */
export function SectionEditor({ sectionId, title, content }: SectionEditorProps) {
  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: `pilier-section-${sectionId}`,
      theme: editorTheme,
      nodes: PILIER_NODES,
      editorState: content,
      onError(error) {
        console.error(`Pilier: editor error in section ${sectionId}`, error);
      },
    }),
    // The editor is created once per mount: later content comes from the user, not from props.
    [sectionId],
  );
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className="section-editor-frame">
        <RichTextPlugin
          contentEditable={
            <ContentEditable
              className="section-editor"
              aria-label={`Texte de la section « ${title} »`}
              aria-multiline
              spellCheck
              lang="fr"
            />
          }
          ErrorBoundary={LexicalErrorBoundary}
        />
      </div>
      <HistoryPlugin />
      <ListPlugin />
      <TablePlugin hasTabHandler={false} hasCellMerge={false} hasCellBackgroundColor={false} hasHorizontalScroll />
      <LinkPlugin validateUrl={isSafeUrl} />
      <LinkOpenerPlugin />
      <PlaceholderPlugin />
      <SectionSyncPlugin sectionId={sectionId} />
      <PassagePlugin sectionId={sectionId} />
    </LexicalComposer>
  );
}
