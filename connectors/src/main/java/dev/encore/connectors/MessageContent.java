package dev.encore.connectors;

/** What a message says, in the shape its channel needs. */
public sealed interface MessageContent permits EmailContent, SmsContent, LineContent {

}
