package io.recouvra.messaging.contact;

import io.recouvra.messaging.Channel;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who asked not to be contacted on which channel. Asked for at every send, on every channel. */
@Service
public class OptOuts {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    OptOuts(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public boolean isOptedOut(Channel channel, String address) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from recouvra.channel_opt_out where channel = ? and address = ?)",
                Boolean.class, channel.name(), address));
    }

    /** @return whether this call opted the address out (false: it already was) */
    @Transactional
    public boolean optOut(Channel channel, String address, String source) {
        return jdbc.update("""
                insert into recouvra.channel_opt_out (channel, address, opted_out_at, source) values (?, ?, ?, ?)
                on conflict (channel, address) do nothing""",
                channel.name(), address, Timestamp.from(clock.instant()), source) == 1;
    }

    /** @return whether this call opted the address back in (false: it was not opted out) */
    @Transactional
    public boolean optIn(Channel channel, String address) {
        return jdbc.update("delete from recouvra.channel_opt_out where channel = ? and address = ?",
                channel.name(), address) == 1;
    }
}
