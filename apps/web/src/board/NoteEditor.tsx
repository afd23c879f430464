import { useEffect } from 'react';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { NoteCaret } from './note-caret.ts';
import { NoteEnds } from './note-ends.ts';
import { takeBufferedKeys } from './key-buffer.ts';

interface Props {
  fragment: Y.XmlFragment;
  awareness: Awareness | null;
  label: string;
  readOnly?: boolean;
  onDone?: () => void;
}

/** Rich text bound to a note's Y.XmlFragment: everyone typing in it merges live. */
export function NoteEditor({ fragment, awareness, label, readOnly = false, onDone }: Props) {
  const { t } = useTranslation();
  const editor = useEditor(
    {
      extensions: [
        // Collaboration brings Yjs-aware undo; ProseMirror's own history would fight it.
        StarterKit.configure({ undoRedo: false, heading: false, codeBlock: false, horizontalRule: false }),
        Collaboration.configure({ fragment }),
        NoteCaret.configure({ awareness }),
        NoteEnds,
      ],
      editable: !readOnly,
      autofocus: 'end',
      // Tiptap's autofocus waits a frame; focusing here instead means the editor takes keys
      // from the same task that drains those typed while it mounted, so none falls between.
      onCreate: ({ editor: created }) => {
        if (readOnly) return;
        created.view.focus();
        if (created.view.hasFocus()) insertKept(created);
      },
      // Focus that came late (the view was not ready to take it above) drains the keys then.
      onFocus: ({ editor: focused }) => {
        if (!readOnly) insertKept(focused);
      },
      editorProps: {
        attributes: {
          'aria-label': label,
          'aria-multiline': 'true',
          role: 'textbox',
          class: 'note-editor__content',
          'data-placeholder': t('note.placeholder'),
        },
        handleKeyDown: (_view, event) => {
          if (event.key === 'Escape') {
            onDone?.();
            return true;
          }
          return false;
        },
      },
    },
    [fragment, awareness],
  );
  useEffect(() => {
    editor?.setEditable(!readOnly);
  }, [editor, readOnly]);
  return <EditorContent editor={editor} className="note-editor" />;
}

/** Types the keys kept while the editor mounted at the caret, Enter as a new paragraph. */
function insertKept(editor: Editor): void {
  const keys = takeBufferedKeys();
  if (!keys) return;
  const chain = editor.chain();
  keys.split('\n').forEach((line, i) => {
    if (i > 0) chain.splitBlock();
    if (line) chain.insertContent(line);
  });
  chain.run();
}
