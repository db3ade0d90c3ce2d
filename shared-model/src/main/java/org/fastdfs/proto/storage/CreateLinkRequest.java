package org.fastdfs.proto.storage;

import java.nio.ByteBuffer;
import org.fastdfs.proto.Command;
import org.fastdfs.proto.ProtocolException;
import org.fastdfs.proto.Request;
import org.fastdfs.proto.Wire;
import org.fastdfs.proto.WireProfile;

/**
 * CREATE_LINK (20), the FastDHT dedup helper, PROTOCOL.md §3.10: master_filename_len (8) +
 * src_filename_len (8) + src_file_sig_len (8) + group (16) + prefix (16) + extension (6) + master
 * file name + source file name + source file signature. The three variable parts total at most 256
 * bytes. Reply: {@link UploadResponse} naming the new link.
 *
 * <p>The C storage does not check the prefix and extension characters here; this decoder does (the
 * same {@code [A-Za-z0-9._-]} rule as uploads), because they become part of a path on disk.
 *
 * @param masterFilename  master remote name, or empty for a link that is not a slave; 0..127 bytes
 * @param sourceFilename  remote name of the existing file the link points to, 1..127 bytes
 * @param sourceSignature the source file's dedup signature (raw bytes as ISO-8859-1), 1..63 bytes
 * @param group           group name
 * @param prefix          slave prefix, 0..16 characters of {@code [A-Za-z0-9._-]}
 * @param extension       extension, 0..6 characters of {@code [A-Za-z0-9._-]}
 */
public record CreateLinkRequest(String masterFilename, String sourceFilename, String sourceSignature,
                                String group, String prefix, String extension) implements Request {

    /** The largest signature the storage accepts (its buffer is 64 bytes with the NUL). */
    public static final int MAX_SIGNATURE_LENGTH = 63;
    /** The largest total of the three variable parts. */
    public static final int MAX_VARIABLE_LENGTH = 256;

    private static final int FIXED_SIZE = 3 * Wire.LONG_SIZE + Wire.GROUP_NAME_SIZE
            + FileFields.PREFIX_SIZE + FileFields.EXT_SIZE;

    public CreateLinkRequest {
        FileFields.requireName(masterFilename, 0, "master file name");
        FileFields.requireName(sourceFilename, 1, "source file name");
        FileFields.requireLatin1(sourceSignature, "source signature");
        if (sourceSignature.isEmpty() || sourceSignature.length() > MAX_SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("source signature of " + sourceSignature.length()
                    + " bytes, expected 1.." + MAX_SIGNATURE_LENGTH);
        }
        if (masterFilename.length() + sourceFilename.length() + sourceSignature.length() > MAX_VARIABLE_LENGTH) {
            throw new IllegalArgumentException("master name, source name and signature exceed "
                    + MAX_VARIABLE_LENGTH + " bytes together");
        }
        FileFields.requireGroup(group);
        FileFields.requireToken(prefix, FileFields.PREFIX_SIZE, "prefix");
        FileFields.requireToken(extension, FileFields.EXT_SIZE, "extension");
    }

    @Override
    public Command command() {
        return Command.CREATE_LINK;
    }

    @Override
    public int encodedLength(WireProfile profile) {
        return FIXED_SIZE + masterFilename.length() + sourceFilename.length() + sourceSignature.length();
    }

    @Override
    public void encode(ByteBuffer out, WireProfile profile) {
        out.putLong(masterFilename.length()).putLong(sourceFilename.length()).putLong(sourceSignature.length());
        Wire.putFixed(out, group, Wire.GROUP_NAME_SIZE);
        Wire.putFixed(out, prefix, FileFields.PREFIX_SIZE);
        Wire.putFixed(out, extension, FileFields.EXT_SIZE);
        Wire.putString(out, masterFilename);
        Wire.putString(out, sourceFilename);
        Wire.putString(out, sourceSignature);
    }

    public static CreateLinkRequest decode(ByteBuffer body) {
        int total = body.remaining();
        if (total <= FIXED_SIZE) {
            throw ProtocolException.invalid("CREATE_LINK: body of " + total + " bytes must be longer than "
                    + FIXED_SIZE);
        }
        int masterLength = FileFields.readNameLength(body, 0, "master file name");
        int sourceLength = FileFields.readNameLength(body, 1, "source file name");
        int sigLength = Wire.getLength(body, 1, MAX_SIGNATURE_LENGTH, "source signature length");
        int variable = masterLength + sourceLength + sigLength;
        if (total - FIXED_SIZE != variable) {
            throw ProtocolException.invalid("CREATE_LINK: the lengths add up to " + variable
                    + " bytes but " + (total - FIXED_SIZE) + " follow the fixed part");
        }
        String group = Wire.getFixed(body, Wire.GROUP_NAME_SIZE);
        String prefix = FileFields.readPrefix(body, "prefix");
        String ext = FileFields.readExtension(body, "file extension");
        if (variable > MAX_VARIABLE_LENGTH) {
            throw ProtocolException.invalid("CREATE_LINK: master name, source name and signature are "
                    + variable + " bytes, more than " + MAX_VARIABLE_LENGTH);
        }
        String master = Wire.getString(body, masterLength);
        String source = Wire.getString(body, sourceLength);
        return new CreateLinkRequest(master, source, Wire.getString(body, sigLength), group, prefix, ext);
    }
}
