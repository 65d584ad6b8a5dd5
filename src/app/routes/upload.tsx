import { UploadPage } from '../../features/upload/components/upload-page.tsx';

export function Component() {
  return <UploadPage />;
}
