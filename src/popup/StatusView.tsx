import { Spinner } from '../ui/Spinner';

export function StatusView({ text }: { text: string }) {
  return (
    <section class="center status">
      <Spinner />
      <p>{text}</p>
    </section>
  );
}
