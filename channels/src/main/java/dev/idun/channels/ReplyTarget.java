package dev.idun.channels;

/**
 * Where a reply goes, in a provider's own terms (a phone number, a channel and thread, a chat id, an interaction
 * token). Each provider defines its record; the machinery only carries it from {@link ChannelProvider#receive} to
 * {@link ChannelProvider#deliver}.
 */
public interface ReplyTarget {}
