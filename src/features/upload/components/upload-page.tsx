// Placeholder: replaced by the upload feature work.
export function UploadPage() {
  return <h1>Upload carrier CSV files</h1>;
}
