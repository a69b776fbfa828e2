/**
 * interrupt() review: a support ticket is triaged, and a refund above the limit needs a person's
 * answer. `review` calls `interrupt()` with a question; the run waits until it gets an answer,
 * and the answer decides the route: `refund` or `decline`.
 *
 * Try it: press F5. The run stops in `review` with the question shown (the graph panel has an
 * answer box). Answer `true` (or `"yes"`) and press Resume: the run goes to `refund`. Step back to
 * the checkpoint before the answer and answer `false` to see the other branch.
 */
import { Annotation, END, START, StateGraph, interrupt } from "@langchain/langgraph";

interface Ticket {
  customer: string;
  text: string;
  amount: number;
}

/** The ticket a run without input works on. */
const SAMPLE_TICKET: Ticket = { customer: "Ada", text: "I was charged twice for my order, please refund me.", amount: 120 };

const State = Annotation.Root({
  ticket: Annotation<Ticket>(),
  category: Annotation<string>(),
  approved: Annotation<boolean>(),
  reply: Annotation<string>(),
});

type TicketState = typeof State.State;

const AUTO_REFUND_LIMIT = 50;

function triage(state: TicketState) {
  const ticket = state.ticket ?? SAMPLE_TICKET;
  return { ticket, category: /refund|money back|charged/i.test(ticket.text) ? "refund" : "question" };
}

function review(state: TicketState) {
  const { customer, amount } = state.ticket;
  if (state.category !== "refund" || amount <= AUTO_REFUND_LIMIT) return { approved: state.category === "refund" };
  const answer = interrupt({ question: `Refund ${amount} EUR to ${customer}?`, ticket: state.ticket });
  return { approved: answer === true || (typeof answer === "string" && /^(y|yes|ok|true)$/i.test(answer.trim())) };
}

function refund(state: TicketState) {
  return { reply: `Hello ${state.ticket.customer}, we have refunded ${state.ticket.amount} EUR.` };
}

function decline(state: TicketState) {
  return { reply: `Hello ${state.ticket.customer}, a colleague will look at your request and get back to you.` };
}

export const graph = new StateGraph(State)
  .addNode("triage", triage)
  .addNode("review", review)
  .addNode("refund", refund)
  .addNode("decline", decline)
  .addEdge(START, "triage")
  .addEdge("triage", "review")
  .addConditionalEdges("review", (state: TicketState) => (state.approved ? "refund" : "decline"), { refund: "refund", decline: "decline" })
  .addEdge("refund", END)
  .addEdge("decline", END)
  .compile();
