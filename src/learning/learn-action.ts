/** What a learning button asks for; its callback data is encodeAction's output (src/bot/callback-data.ts). */
export type LearnAction =
  | { readonly kind: "courses" }
  | { readonly kind: "course"; readonly courseId: string }
  | {
      readonly kind: "page";
      readonly courseId: string;
      readonly lessonId: string;
      readonly page: number;
    }
  | { readonly kind: "quiz"; readonly courseId: string; readonly lessonId: string }
  | {
      readonly kind: "answer";
      readonly courseId: string;
      readonly lessonId: string;
      readonly questionId: string;
      /** The quiz attempt the button was shown in. */
      readonly attempt: number;
      /** The option's position on screen, 0-based (not its index in the content). */
      readonly shown: number;
    }
  /** A page of the mistakes of a finished attempt. */
  | {
      readonly kind: "review";
      readonly courseId: string;
      readonly lessonId: string;
      readonly attempt: number;
      readonly page: number;
    };
