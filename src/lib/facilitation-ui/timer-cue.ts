/**
 * The audible cue at zero: three short tones made with WebAudio (no sound file to load). Browsers
 * only let a page play sound after the user interacted with it, which turning the sound on is.
 */
let context: AudioContext | null = null;

export const SOUND_KEY = 'drawline:timer-sound';

export function readSoundPreference(): boolean {
	try {
		return localStorage.getItem(SOUND_KEY) === 'on';
	} catch {
		return false;
	}
}

export function writeSoundPreference(on: boolean): void {
	try {
		localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
	} catch {
		// Storage disabled: the choice lasts for this page only.
	}
}

/** Creates (or resumes) the audio context; call it from the click that turns sound on. */
export function unlockAudio(): void {
	const Context =
		window.AudioContext ??
		(window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
	if (!Context) return;
	context ??= new Context();
	void context.resume();
}

export function playCue(): void {
	unlockAudio();
	if (!context) return;
	const start = context.currentTime + 0.05;
	for (let i = 0; i < 3; i++) {
		const at = start + i * 0.28;
		const oscillator = context.createOscillator();
		const gain = context.createGain();
		oscillator.type = 'sine';
		oscillator.frequency.value = i === 2 ? 1046.5 : 784;
		gain.gain.setValueAtTime(0.0001, at);
		gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
		gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.22);
		oscillator.connect(gain).connect(context.destination);
		oscillator.start(at);
		oscillator.stop(at + 0.24);
	}
}
