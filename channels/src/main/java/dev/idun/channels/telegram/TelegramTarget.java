package dev.idun.channels.telegram;

import dev.idun.channels.ReplyTarget;

/** A Telegram reply goes to the chat the message came from. */
record TelegramTarget(long chatId) implements ReplyTarget {}
