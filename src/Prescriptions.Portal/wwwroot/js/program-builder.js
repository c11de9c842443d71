// The program builder's browser work: the handout's PDF as a blob URL in a new tab (the API needs the bearer token, so
// a plain link would not do), and the browser's own time zone as the follow-up's default.
export function openPdf(bytes, fileName) {
    const url = URL.createObjectURL(new Blob([bytes], { type: "application/pdf" }));
    const opened = window.open(url, "_blank", "noopener");
    if (!opened) {
        // A blocked pop-up: download it instead.
        const link = document.createElement("a");
        link.href = url;
        link.download = fileName;
        document.body.appendChild(link);
        link.click();
        link.remove();
    }
    setTimeout(() => URL.revokeObjectURL(url), 60000);
}

export function timeZone() {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
}
