import { SubmitButton } from "@/components/form/fields";

/** The offline forms' buttons: save on this device, or leave the form unchanged. */
export function SaveOnDeviceButtons({ onCancel }: { onCancel: () => void }) {
  return (
    <div className="flex flex-wrap gap-3">
      <SubmitButton>Save on this device</SubmitButton>
      <button
        type="button"
        onClick={onCancel}
        className="rounded border-2 border-gray-900 bg-white px-3 py-1.5 font-semibold"
      >
        Cancel
      </button>
    </div>
  );
}
