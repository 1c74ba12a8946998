package dev.encore.connectors;

/**
 * What a message says, in the shape its channel needs: {@link EmailContent},
 * {@link SmsContent}, {@link LineContent}, or a new channel's own record.
 */
public interface MessageContent {

}
