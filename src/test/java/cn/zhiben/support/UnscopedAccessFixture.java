package cn.zhiben.support;

import cn.zhiben.platform.security.CurrentUser;

import java.util.Map;
import java.util.Optional;

/**
 * A fixture whose object is not scoped (reference data, accounts, published standards): every caller "sees" the one
 * object {@link #any()} gives, and none is outside anyone's scope. Rights alone decide the answers.
 */
public abstract class UnscopedAccessFixture implements AccessFixture {

    @Override
    public Optional<Map<String, String>> inside(CurrentUser caller) {
        return Optional.of(any());
    }

    @Override
    public Optional<Map<String, String>> outside(CurrentUser caller) {
        return Optional.empty();
    }
}
