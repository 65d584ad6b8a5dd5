import { Field, Text, makeStyles, mergeClasses, tokens, type FieldProps } from '@fluentui/react-components';
import { ArrowUploadRegular } from '@fluentui/react-icons';
import { useEffect, useId, useRef, useState, type DragEvent, type ReactNode } from 'react';

const useStyles = makeStyles({
  area: {
    position: 'relative',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXL}`,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    textAlign: 'center',
    cursor: 'pointer',
    transitionProperty: 'background-color, border-color',
    transitionDuration: tokens.durationFast,
    ':hover': { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorNeutralBackground2Hover },
  },
  dragging: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
    ':hover': { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  },
  disabled: {
    cursor: 'not-allowed',
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStrokeDisabled}`,
    backgroundColor: tokens.colorNeutralBackgroundDisabled,
    color: tokens.colorNeutralForegroundDisabled,
    ':hover': { border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStrokeDisabled}`, backgroundColor: tokens.colorNeutralBackgroundDisabled },
  },
  icon: { fontSize: '40px', color: tokens.colorBrandForeground1 },
  iconDisabled: { color: tokens.colorNeutralForegroundDisabled },
  // Visually hidden but focusable: the real, labelled control.
  input: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
  // Looks like a Fluent secondary button; the focus ring follows the (hidden) input's keyboard focus.
  button: {
    display: 'inline-flex',
    alignItems: 'center',
    minHeight: '32px',
    padding: `0 ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase300,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1Hover}` },
  },
  buttonFocused: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    outlineOffset: '2px',
  },
  buttonDisabled: {
    backgroundColor: tokens.colorNeutralBackgroundDisabled,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStrokeDisabled}`,
    color: tokens.colorNeutralForegroundDisabled,
    ':hover': { backgroundColor: tokens.colorNeutralBackgroundDisabled, border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStrokeDisabled}` },
  },
  secondary: { color: tokens.colorNeutralForeground2 },
});

export interface DropZoneProps {
  /** The Field label of the file input (its accessible name). */
  label: string;
  hint?: FieldProps['hint'];
  validationMessage?: FieldProps['validationMessage'];
  validationState?: FieldProps['validationState'];
  /** The input's accept attribute (a hint for the picker; dropped files are not filtered). */
  accept?: string;
  multiple?: boolean;
  disabled?: boolean;
  /** Main line inside the area. */
  prompt?: ReactNode;
  /** Text of the visible browse button. */
  buttonLabel?: string;
  onFiles: (files: File[]) => void;
  className?: string;
}

function hasFiles(e: { dataTransfer: DataTransfer | null }): boolean {
  return !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files');
}

/**
 * A file drop area around a labelled `<input type="file">` (Fluent has no
 * upload component): the input is the keyboard control (Tab to it, Enter or
 * Space opens the picker), the button-like text opens it for the mouse, and
 * files dropped anywhere on the area are handed over as if picked. While it
 * is mounted, a file dropped next to it does not make the browser navigate
 * away to show the file.
 */
export function DropZone({
  label,
  hint,
  validationMessage,
  validationState,
  accept,
  multiple = true,
  disabled = false,
  prompt = 'Drag and drop files here',
  buttonLabel = 'Browse files',
  onFiles,
  className,
}: DropZoneProps) {
  const styles = useStyles();
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [focused, setFocused] = useState(false);
  const depth = useRef(0);
  const promptId = useId();

  // A near miss must not replace the page with the dropped file.
  useEffect(() => {
    const guard = (e: globalThis.DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    window.addEventListener('dragover', guard);
    window.addEventListener('drop', guard);
    return () => {
      window.removeEventListener('dragover', guard);
      window.removeEventListener('drop', guard);
    };
  }, []);

  const onDragEnter = (e: DragEvent<HTMLDivElement>) => {
    if (!hasFiles(e) || disabled) return;
    e.preventDefault();
    depth.current++;
    setDragging(true);
  };
  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
  };
  const onDragLeave = () => {
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setDragging(false);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    depth.current = 0;
    setDragging(false);
    if (disabled) return;
    const files = Array.from(e.dataTransfer.files);
    if (files.length > 0) onFiles(multiple ? files : files.slice(0, 1));
  };

  return (
    <Field label={label} hint={hint} validationMessage={validationMessage} validationState={validationState} className={className}>
      {(fieldProps) => (
        <div
          className={mergeClasses(styles.area, dragging && styles.dragging, disabled && styles.disabled)}
          data-dragging={dragging || undefined}
          data-testid="drop-zone"
          onDragEnter={onDragEnter}
          onDragOver={onDragOver}
          onDragLeave={onDragLeave}
          onDrop={onDrop}
          onClick={(e) => {
            if (!disabled && e.target !== inputRef.current) inputRef.current?.click();
          }}
        >
          <input
            {...fieldProps}
            aria-describedby={[fieldProps['aria-describedby'], promptId].filter(Boolean).join(' ') || undefined}
            ref={inputRef}
            type="file"
            className={styles.input}
            accept={accept}
            multiple={multiple}
            disabled={disabled}
            onFocus={(e) => setFocused(e.currentTarget.matches(':focus-visible'))}
            onBlur={() => setFocused(false)}
            onChange={(e) => {
              const files = Array.from(e.currentTarget.files ?? []);
              // Picking the same file again must fire change again.
              e.currentTarget.value = '';
              if (files.length > 0) onFiles(files);
            }}
          />
          <ArrowUploadRegular aria-hidden className={mergeClasses(styles.icon, disabled && styles.iconDisabled)} />
          <Text id={promptId} weight="semibold" size={400}>
            {dragging ? 'Drop to add the files' : prompt}
          </Text>
          <Text className={styles.secondary} aria-hidden>
            or
          </Text>
          <span aria-hidden className={mergeClasses(styles.button, focused && styles.buttonFocused, disabled && styles.buttonDisabled)}>
            {buttonLabel}
          </span>
        </div>
      )}
    </Field>
  );
}
