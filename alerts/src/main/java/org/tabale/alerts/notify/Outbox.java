package org.tabale.alerts.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tabale.alerts.route.Contact;
import org.tabale.alerts.route.Responder;

/**
 * Delivers notifications through the {@link Channels}, with retries and exponential backoff (at
 * least the receiver's Retry-After) until a deadline, and records every state of every
 * notification through {@code log} (the compacted {@code tabale.notifications.v1}) before going on.
 * A notification id already recorded is never enqueued again, and one recorded as delivered is
 * never sent again: a restart reads the log back ({@link #restore}) and resumes what was pending,
 * with the same ids, so a receiver that deduplicates by {@code webhook-id} sees each message once.
 */
public final class Outbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final Channels channels;
    private final Function<String, Optional<Responder>> responders;
    private final Consumer<Delivery> log;
    private final Clock clock;
    private final Duration deadline;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Map<String, Delivery> deliveries = new LinkedHashMap<>();
    /** The pending ones among them: what the worker looks at, whatever the number delivered so far. */
    private final Map<String, Delivery> pending = new LinkedHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread worker;
    private final MeterRegistry meters;
    private volatile boolean stopping;

    /**
     * @param responders a responder by name (the responders file as it is now)
     * @param log        records a delivery's new state durably; called before the outbox goes on
     */
    public Outbox(Channels channels, Function<String, Optional<Responder>> responders, Consumer<Delivery> log, Clock clock,
                  Duration deadline, Duration firstBackoff, Duration maxBackoff, MeterRegistry meters) {
        this.channels = channels;
        this.responders = responders;
        this.log = log;
        this.clock = clock;
        this.deadline = deadline;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.meters = meters;
        this.worker = new Thread(this::run, "tabale-outbox");
        this.worker.setDaemon(true);
        Gauge.builder("tabale.outbox.pending", this, Outbox::pending).description("Notifications waiting for delivery")
                .register(meters);
    }

    /** Puts back a delivery read from the log at start. */
    public void restore(Delivery delivery) {
        lock.lock();
        try {
            store(delivery);
        } finally {
            lock.unlock();
        }
    }

    public void start() {
        worker.start();
    }

    /** Records and queues notifications; ids already known (sent, failed or queued) are left alone. */
    public void enqueue(List<Notification> notifications) {
        List<Delivery> fresh = fresh(notifications);
        fresh.forEach(log);
        queue(fresh);
    }

    /**
     * The pending deliveries of the notifications whose ids it holds no delivery of, each once,
     * for the caller to record ({@link #enqueue} does it through the log; the alert service in the
     * transaction of the alert changes) and then {@link #queue}. Nothing is kept yet.
     */
    public List<Delivery> fresh(List<Notification> notifications) {
        Instant now = clock.instant();
        Map<String, Delivery> fresh = new LinkedHashMap<>();
        lock.lock();
        try {
            for (Notification n : notifications) {
                if (!deliveries.containsKey(n.id()) && !fresh.containsKey(n.id())) {
                    fresh.put(n.id(), new Delivery(n.id(), n.notice(), n.responder(), n.contact().channel(), n.language(),
                            Delivery.Status.pending, 0, null, now, now, now.plus(deadline), null));
                }
            }
        } finally {
            lock.unlock();
        }
        return List.copyOf(fresh.values());
    }

    /** Takes deliveries the caller has recorded: pending from now on; ids it holds already are left alone. */
    public void queue(List<Delivery> recorded) {
        lock.lock();
        try {
            for (Delivery d : recorded) {
                if (!deliveries.containsKey(d.id())) {
                    store(d);
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The deliveries of one alert's messages, oldest first. */
    public List<Delivery> deliveries(String alertId) {
        lock.lock();
        try {
            return deliveries.values().stream().filter(d -> d.notice() != null && d.notice().alert().id().equals(alertId)).toList();
        } finally {
            lock.unlock();
        }
    }

    /** Every delivery in a state, oldest first. */
    public List<Delivery> deliveries(Delivery.Status status) {
        lock.lock();
        try {
            return deliveries.values().stream().filter(d -> d.status() == status).toList();
        } finally {
            lock.unlock();
        }
    }

    private double pending() {
        lock.lock();
        try {
            return pending.size();
        } finally {
            lock.unlock();
        }
    }

    /** Keeps a delivery's latest state, and the pending ones apart (under the lock). */
    private void store(Delivery delivery) {
        deliveries.put(delivery.id(), delivery);
        if (delivery.status() == Delivery.Status.pending) {
            pending.put(delivery.id(), delivery);
        } else {
            pending.remove(delivery.id());
        }
    }

    private void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        try {
            while (!stopping) {
                Delivery due = nextDue();
                if (due != null) {
                    attempt(due);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The earliest pending delivery once it is due; waits for it or for a change. */
    private Delivery nextDue() throws InterruptedException {
        lock.lock();
        try {
            Optional<Delivery> next = pending.values().stream()
                    .min(Comparator.comparing(Delivery::nextAttempt));
            if (next.isEmpty()) {
                changed.await(1, TimeUnit.SECONDS);
                return null;
            }
            long wait = Duration.between(clock.instant(), next.get().nextAttempt()).toMillis();
            if (wait > 0) {
                changed.await(Math.min(wait, 1000), TimeUnit.MILLISECONDS);
                return null;
            }
            return next.get();
        } finally {
            lock.unlock();
        }
    }

    private void attempt(Delivery delivery) throws InterruptedException {
        Instant now = clock.instant();
        DeliveryResult result = deliver(delivery);
        Delivery next;
        if (result instanceof DeliveryResult.Delivered) {
            next = delivery.attempted(Delivery.Status.delivered, null, null, now);
        } else if (result instanceof DeliveryResult.PermanentFailure failure) {
            next = delivery.attempted(Delivery.Status.failed, failure.reason(), null, now);
        } else {
            DeliveryResult.RetryableFailure failure = (DeliveryResult.RetryableFailure) result;
            Duration backoff = backoff(delivery.attempts() + 1);
            if (failure.retryAfter().isPresent() && failure.retryAfter().get().compareTo(backoff) > 0) {
                backoff = failure.retryAfter().get();
            }
            Instant due = now.plus(backoff);
            next = due.isAfter(delivery.deadline())
                    ? delivery.attempted(Delivery.Status.failed, failure.reason() + " (deadline passed)", null, now)
                    : delivery.attempted(Delivery.Status.pending, failure.reason(), due, now);
        }
        log.accept(next);
        lock.lock();
        try {
            store(next);
        } finally {
            lock.unlock();
        }
        String outcome = next.status() == Delivery.Status.pending ? "retried" : next.status().name();
        Counter.builder("tabale.notifications").description("Delivery attempts by channel and outcome")
                .tag("channel", delivery.channel()).tag("outcome", outcome).register(meters).increment();
        if (next.status() == Delivery.Status.failed) {
            LOG.warn("notification {} to {} by {} failed: {}", next.id(), next.responder(), next.channel(), next.lastError());
        }
    }

    private DeliveryResult deliver(Delivery delivery) throws InterruptedException {
        Optional<Responder> responder = responders.apply(delivery.responder());
        if (responder.isEmpty()) {
            return new DeliveryResult.PermanentFailure("responder " + delivery.responder() + " is no longer configured");
        }
        Optional<Contact> contact = responder.get().channels().contacts().stream()
                .filter(c -> c.channel().equals(delivery.channel())).findFirst();
        if (contact.isEmpty()) {
            return new DeliveryResult.PermanentFailure("responder " + delivery.responder() + " has no " + delivery.channel() + " any more");
        }
        try {
            return channels.deliver(new Notification(delivery.id(), delivery.notice(), delivery.responder(), delivery.language(),
                    contact.get()));
        } catch (RuntimeException e) {
            return new DeliveryResult.RetryableFailure(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Duration backoff(int attempts) {
        Duration backoff = firstBackoff.multipliedBy(1L << Math.min(20, attempts - 1));
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        signal();
        worker.join(Duration.ofSeconds(10).toMillis());
    }
}
