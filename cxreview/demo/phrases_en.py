"""English phrase pools for the demo generator; {slots} are filled per conversation."""

BOT_NAME = "Robin"

PHRASES: dict[str, list[str]] = {
    "bot_greet_disclosed": [
        "Hi! I'm Robin, the virtual assistant of Northwind. I'm a bot, but I can help with most questions. What can I do for you?",
        "Hello, you're chatting with Robin, Northwind's automated assistant. If I can't help, I'll find you a colleague. How can I help?",
        "Welcome to Northwind support. I'm Robin, a virtual assistant (not a person). Tell me briefly what your question is about.",
    ],
    "bot_greet_plain": [
        "Hi there! How can I help you today?",
        "Welcome to Northwind! What can I do for you?",
        "Hello! Tell me what your question is about and I'll help you right away.",
    ],
    "bot_ask_order": [
        "Could you give me your order number? It starts with NW and is in your confirmation email.",
        "To look this up I need your order number (for example NW-1234567).",
        "What is your order number? You'll find it in the confirmation email.",
    ],
    "bot_ask_account": [
        "Can you tell me your customer number or the email address on your account?",
        "To find your account, please share your customer number.",
        "Which email address is linked to your account?",
    ],
    "bot_repeat_order": [
        "Could you give me your order number? It starts with NW and is in your confirmation email.",
        "Could you give me your order number? It starts with NW and is in your confirmation email.",
        "Could you please give me your order number? It starts with NW and is in your confirmation email.",
    ],
    "bot_not_understood": [
        "Sorry, I didn't quite understand that. Could you rephrase your question?",
        "I'm sorry, I don't understand. Can you say it in another way?",
        "Sorry, I didn't get that. Could you describe your question in a few words?",
    ],
    "bot_menu": [
        "I can help you with: 1) track a parcel 2) invoices and payments 3) change your details 4) cancel. Which one fits your question?",
        "Please choose a topic: deliveries, billing, technical help or cancellations.",
    ],
    "bot_uncertain": [
        "I can't see payment details myself, so I don't want to guess. A colleague can check this for you.",
        "I'm not sure I can answer this correctly. I can't look into contracts; a colleague can.",
        "This is something I can't do as a virtual assistant: changing an invoice needs a person.",
    ],
    "bot_handover": [
        "I'll connect you with a colleague now. Average waiting time is about {wait} minutes.",
        "Let me hand you over to one of my human colleagues. They'll see our chat so you don't have to repeat yourself.",
        "I'm transferring you to a member of our team. One moment please.",
    ],
    "bot_offer_handover": [
        "Would you like me to connect you with a colleague?",
        "If you prefer, I can hand you over to a person. Shall I?",
    ],
    "bot_resolved_delivery": [
        "Your parcel {order} is with the carrier and will be delivered on {date} between 14:00 and 18:00. You can follow it with this link: track.northwind.example/{order}",
        "I found order {order}. It left our warehouse yesterday and is expected on {date}.",
    ],
    "bot_resolved_billing": [
        "Your last invoice of {amount} was paid on {date}. You can download it under My Account > Invoices.",
        "I see one payment of {amount} on {date}; no open amounts remain on your account.",
    ],
    "bot_resolved_tech": [
        "There is a known outage in your area. Our engineers expect it to be fixed by {date} 17:00. Sorry for the inconvenience!",
        "Try restarting your router: unplug it for 30 seconds and plug it back in. The lights should turn green within 2 minutes.",
    ],
    "bot_resolved_cancel": [
        "You can cancel in My Account > Subscription > Cancel. Your subscription then ends on {date}.",
        "Your contract can be cancelled monthly. I've sent the cancellation form to your email address.",
    ],
    "bot_anything_else": [
        "Is there anything else I can help you with?",
        "Can I help you with anything else?",
    ],
    "bot_bye": ["Thanks for chatting with Northwind. Have a nice day!", "Glad I could help. Goodbye!"],
    # customer openings per queue
    "open_delivery": [
        "Hi, my parcel was supposed to arrive yesterday and it still isn't here",
        "where is my order?? it says delivered but nothing at my door",
        "Hello, I ordered a coffee machine last week and haven't received anything yet.",
        "My package arrived damaged, the box was completely crushed",
        "I need to change the delivery address for my order",
    ],
    "open_billing": [
        "Hi, I've been charged twice for the same order",
        "My invoice this month is much higher than normal, can you explain why?",
        "I returned my order 3 weeks ago and still no refund",
        "why was {amount} taken from my account? I didn't order anything",
        "Hello, I'd like a copy of my invoice from last month please",
    ],
    "open_tech": [
        "My internet has been down since this morning",
        "I can't log in to the app, it keeps saying my password is wrong",
        "the router keeps dropping the connection every few minutes",
        "Hi, my TV box shows error E-204 and won't start",
        "The app crashes every time I open my bills",
    ],
    "open_cancel": [
        "I want to cancel my subscription",
        "Hi, how do I end my contract? I'm moving abroad",
        "Please cancel my membership, I don't use it anymore",
        "I'd like to cancel. The price went up again and I'm done",
    ],
    "give_order": ["it's {order}", "{order}", "Order number is {order}", "sure, {order}"],
    "give_account": [
        "my email is {email}",
        "Customer number {custno}",
        "{email}, and my phone is {phone}",
        "it's under {email}",
    ],
    "rephrase": [
        "I already gave you my order number. {order}",
        "I just told you. It's {order}!!",
        "{order}. again.",
        "As I said, the order number is {order}",
        "why do you keep asking the same thing",
    ],
    "human_direct": [
        "Can I speak to a real person please",
        "I want to talk to a human",
        "agent please",
        "Let me speak to someone",
        "Can you connect me to an employee?",
    ],
    "human_indirect": [
        "is there anyone there who can actually help me?",
        "This isn't working. Is there a person I can talk to?",
        "I'd rather talk to somebody, this bot doesn't get it",
        "just call me please, my number is {phone}",
    ],
    "human_repeat": [
        "I SAID I WANT A PERSON",
        "Human. Now.",
        "hello?? a real person please!!",
        "Stop asking questions and get me an agent",
    ],
    "agent_greet_warm": [
        "Hi {customer}, I'm {agent}. I've read your chat with Robin, so no need to repeat anything. I'm sorry this has been such a hassle.",
        "Hello {customer}, {agent} here. I can see you've been waiting and I'm sorry about that. Let's sort this out together.",
        "Hi {customer}, thanks for your patience. I'm {agent} and I'll take this over from here.",
    ],
    "agent_greet_cold": [
        "Hello. Order number?",
        "Hi, {agent} here. What's the issue?",
        "Good afternoon. How can I help.",
    ],
    "agent_empathy": [
        "I completely understand how annoying that is, especially when you were counting on it.",
        "That's really frustrating, and you shouldn't have had to chase us for this.",
        "I'd be upset too. Thank you for explaining it so clearly.",
    ],
    "agent_fix_delivery": [
        "I've checked with the carrier: your parcel {order} was sent to the wrong depot. I've arranged a new delivery for {date} and upgraded it to express at no cost.",
        "Your order {order} got stuck at the sorting centre. I've sent a replacement today, it will arrive {date}. You don't need to return anything.",
    ],
    "agent_fix_billing": [
        "You're right, the payment of {amount} was taken twice. I've refunded the double charge; you'll see it within 3 working days.",
        "I see the refund for your return was never started. I've processed it now: {amount}, back on your account by {date}.",
    ],
    "agent_fix_tech": [
        "I've reset your connection from our side and pushed a firmware update to your router. Could you check if it works now?",
        "There was a problem with your account's password reset. I've unlocked it; you can log in again with the link I just emailed you.",
    ],
    "agent_fix_cancel": [
        "I've cancelled your subscription. It ends on {date} and you won't be charged after that. You'll get a confirmation by email.",
        "Done: your contract ends on {date}. Good luck with the move, and you're always welcome back.",
    ],
    "agent_cold_fix": [
        "Refund processed. 3-5 working days.",
        "Cancelled per {date}.",
        "Reset done. Try again.",
        "New delivery {date}.",
    ],
    "agent_bad_answer": [
        "Please wait 10 working days before contacting us about a missing parcel.",
        "As stated in our terms and conditions, we can't help with that.",
        "That's not something we can do. Please check the FAQ on our website.",
        "You'll have to contact the bank about that.",
    ],
    "agent_check_works": ["Does that work for you?", "Is everything clear?", "Can you check it now?"],
    "agent_anything_else": [
        "Is there anything else I can do for you, {customer}?",
        "Anything else I can help with today?",
    ],
    "agent_bye_warm": [
        "Thanks for your patience {customer}, and sorry again for the trouble. Have a lovely evening!",
        "You're welcome! Enjoy the rest of your day.",
    ],
    "agent_bye_cold": ["Bye.", "Closing this chat now.", "OK."],
    "agent_deescalate": [
        "I hear you, and I'm sorry. You're right that this should have been handled properly the first time. Let me fix it now.",
        "I understand why you're angry. Give me two minutes and I'll make sure this is solved today.",
    ],
    "customer_ok": ["ok", "alright", "yes", "fine"],
    "customer_thanks": [
        "Great, thank you so much!",
        "Thanks, that was quick",
        "perfect, thanks for your help",
        "Thank you {agent}, really appreciated",
        "ok thanks",
    ],
    "customer_works": ["Yes it works again!", "it works, thanks", "Yes, I can log in now."],
    "customer_angry": [
        "Are you serious? That's ridiculous. I've waited long enough already",
        "This is unacceptable. I paid for next-day delivery!!",
        "That's not what I asked. You're not listening at all",
        "No, that doesn't help me at all. What a joke",
        "Wow. Great service. Really great.",
    ],
    "customer_escalate": [
        "I want to speak to your manager",
        "I'm filing a complaint about this",
        "Forget it, I'm cancelling my subscription",
        "This is the last time I order from you",
    ],
    "customer_leaves": ["forget it", "whatever", "never mind, I'll call instead", "useless"],
    "customer_polite_furious": [
        "With all due respect, this is the third time I'm explaining this and I'm honestly at the end of my patience.",
        "I appreciate you trying, but I'm extremely disappointed with how this has been handled.",
    ],
    "customer_sarcasm": [
        "Oh great, another week of waiting. Just perfect.",
        "Fantastic, so I pay and get nothing. Love it.",
    ],
    "customer_followup": [
        "Hi, I contacted you on {prev_day} about {topic} and it's still not solved",
        "Me again. Last time I was promised {topic} would be fixed. It's not.",
        "Hello, following up on my chat from {prev_day} about {topic}",
    ],
    "system_transfer": ["Conversation transferred to {queue} queue", "Agent {agent} joined the conversation"],
    "system_closed": ["Conversation closed", "Customer left the chat"],
}

TOPICS = {
    "delivery": "my delivery",
    "billing": "the double charge",
    "technical support": "my internet connection",
    "cancellations": "my cancellation",
}
