// Loud when wrong: a low buzz and a vibration where the device has them, so a picker with eyes
// on the shelf knows a scan was refused. Quiet devices (no audio, no vibration) just skip it.
import { useAppStore } from '../stores/app-store';

const audioOut = (): AudioContext | null => {
  const Ctx = globalThis.AudioContext;
  if (!Ctx) return null;
  const store = useAppStore.getState();
  if (store.audio) return store.audio;
  const audio = new Ctx();
  store.setAudio(audio);
  return audio;
};

const tone = (hz: number, ms: number) => {
  try {
    const audio = audioOut();
    if (!audio) return;
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = 'square';
    osc.frequency.value = hz;
    gain.gain.value = 0.2;
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + ms / 1000);
  } catch {
    // No sound on this device: the red message still says it.
  }
};

export const signalRefusal = () => {
  tone(220, 350);
  globalThis.navigator?.vibrate?.([120, 60, 120]);
};

export const signalDone = () => tone(880, 80);
