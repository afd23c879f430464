import { useEffect } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import type * as Y from 'yjs';

interface Props {
  fragment: Y.XmlFragment;
  label: string;
  readOnly: boolean;
}

/**
 * A recommendation's description: Tiptap bound to its Y.XmlFragment in the report room, so
 * everyone typing in it merges live. Lists and headings are allowed here, unlike a note.
 */
export function RichTextEditor({ fragment, label, readOnly }: Props) {
  const attributes = {
    'aria-label': label,
    'aria-multiline': 'true',
    role: 'textbox',
    class: 'report-editor__content',
    ...(readOnly ? { 'aria-readonly': 'true' } : {}),
  };
  const editor = useEditor(
    {
      extensions: [
        // Collaboration brings Yjs-aware undo; ProseMirror's own history would fight it.
        StarterKit.configure({ undoRedo: false, codeBlock: false, heading: { levels: [3, 4] } }),
        Collaboration.configure({ fragment }),
      ],
      editable: !readOnly,
      editorProps: { attributes },
    },
    [fragment],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attributes` is rebuilt from `label` each render; `label` is the dependency that matters.
  useEffect(() => {
    editor?.setEditable(!readOnly);
    // The label names the recommendation, whose title others may be typing: keep it current
    // without recreating the editor (that would drop the caret).
    editor?.setOptions({ editorProps: { attributes } });
  }, [editor, readOnly, label]);
  return <EditorContent editor={editor} className="report-editor" />;
}
