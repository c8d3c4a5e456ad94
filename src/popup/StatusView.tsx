import { Spinner } from '../ui/Spinner';

/** A moment of waiting (starting, signing in): the sentence is the view's heading. */
export function StatusView({ text }: { text: string }) {
  return (
    <section class="center status">
      <Spinner />
      <h1 class="status-text">{text}</h1>
    </section>
  );
}
