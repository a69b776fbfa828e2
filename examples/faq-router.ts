/**
 * A graph whose input is smaller than its state: `new StateGraph({ stateSchema, input })`. A run
 * takes only `{ question }` (the `input` schema); `classify` files the question under a topic,
 * `retrieve` fetches that topic's help articles, and `reply` writes the answer from them. The
 * topic, the articles and the answer live in the state (`stateSchema`) without being part of the
 * input.
 *
 * Try it: set a breakpoint in the gutter on `.addNode("retrieve", ...)` and press F5 (a run with
 * no question asks the sample one, about a parcel). Variables show the whole state, keys the input
 * never had included. In the graph panel, change `topic` to `"billing"`, Apply as `classify` and
 * Continue: `retrieve` fetches the billing articles, and the answer follows your edit.
 */
import { Annotation, END, START, StateGraph } from "@langchain/langgraph";

/** What a caller passes in: only the question. */
const QuestionInput = Annotation.Root({
  question: Annotation<string>(),
});

/** Everything the nodes read and write. */
const FaqState = Annotation.Root({
  ...QuestionInput.spec,
  topic: Annotation<string>(),
  articles: Annotation<string[]>(),
  answer: Annotation<string>(),
});

type Faq = typeof FaqState.State;

const SAMPLE_QUESTION = "My parcel has not arrived yet, where is it?";

/** The help centre, by topic: a stand-in for a search index. */
const HELP_CENTRE: Record<string, string[]> = {
  shipping: ["Parcels leave the warehouse within 2 working days.", "The tracking link is in your confirmation email."],
  billing: ["You are charged when your order ships.", "Refunds reach your card within 5 working days."],
  account: ["Reset your password from the sign-in page.", "You can change your email address in Settings."],
};

function classify(state: Faq) {
  const question = state.question ?? SAMPLE_QUESTION;
  const topic = /parcel|deliver|shipp|track/i.test(question) ? "shipping" : /charge|refund|invoice|pay/i.test(question) ? "billing" : "account";
  return { question, topic };
}

function retrieve(state: Faq) {
  return { articles: HELP_CENTRE[state.topic] ?? [] };
}

function reply(state: Faq) {
  const body = state.articles.length > 0 ? state.articles.join(" ") : "A colleague will get back to you.";
  return { answer: `About ${state.topic}: ${body}` };
}

export const graph = new StateGraph({ stateSchema: FaqState, input: QuestionInput })
  .addNode("classify", classify)
  .addNode("retrieve", retrieve)
  .addNode("reply", reply)
  .addEdge(START, "classify")
  .addEdge("classify", "retrieve")
  .addEdge("retrieve", "reply")
  .addEdge("reply", END)
  .compile();
