/** The hall's dialogs: a title, the refusal (if any) above the form, 取消 and the confirming button. */
import { Alert, Modal } from 'antd';
import type { ReactNode } from 'react';

export function FormDialog({
  title,
  okText = '确定',
  busy = false,
  danger = false,
  error,
  width,
  onOk,
  onClose,
  children,
}: {
  title: string;
  okText?: string;
  busy?: boolean;
  /** Irreversible or weighty: a red confirming button. */
  danger?: boolean;
  error: string | null;
  width?: number;
  onOk: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={onOk}
      okText={okText}
      cancelText="取消"
      confirmLoading={busy}
      okButtonProps={{ danger }}
      destroyOnHidden
      width={width}
    >
      {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} />}
      {children}
    </Modal>
  );
}
