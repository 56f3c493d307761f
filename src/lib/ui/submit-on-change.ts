/**
 * Submits a select's form as soon as its choice changes. A choice made while the page was still
 * loading, before this could listen, is submitted on arrival instead of being silently lost: the
 * server-rendered `selected` option says what the choice was.
 */
export function submitOnChange(select: HTMLSelectElement): { destroy(): void } {
	const submit = () => select.form?.requestSubmit();
	select.addEventListener('change', submit);
	const rendered = [...select.options].find((option) => option.defaultSelected);
	if (rendered && select.value !== rendered.value) submit();
	return { destroy: () => select.removeEventListener('change', submit) };
}
