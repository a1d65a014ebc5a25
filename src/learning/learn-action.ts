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
      readonly option: number;
    };
