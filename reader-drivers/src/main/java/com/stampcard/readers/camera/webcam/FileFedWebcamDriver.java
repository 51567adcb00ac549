package com.stampcard.readers.camera.webcam;

import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDriver;
import com.github.sarxos.webcam.WebcamException;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A webcam-capture driver whose cameras show image files, for tests, benchmarks and demos: the real
 * webcam-capture pipeline runs, and BridJ's native camera code is never loaded. Each camera shows
 * one picture at a time, at a steady frame rate, until told to show another; it can be unplugged
 * and plugged back.
 */
public final class FileFedWebcamDriver implements WebcamDriver {
  private final List<WebcamDevice> cameras;

  public FileFedWebcamDriver(Camera... cameras) {
    this.cameras = List.of(cameras);
  }

  @Override
  public List<WebcamDevice> getDevices() {
    return cameras;
  }

  @Override
  public boolean isThreadSafe() {
    return true;
  }

  /** A camera that shows pictures from files. Thread-safe. */
  public static final class Camera implements WebcamDevice {
    private final String name;
    private final Dimension size;
    private final long frameNanos;
    private volatile BufferedImage picture;
    private volatile boolean plugged = true;
    private volatile boolean open;
    private long nextFrameAt;
    private volatile long shownAt;
    private volatile long firstServedAt;

    /**
     * @param name the camera's name
     * @param width frame width
     * @param height frame height
     * @param fps frames a second it delivers
     */
    public Camera(String name, int width, int height, int fps) {
      this.name = name;
      this.size = new Dimension(width, height);
      this.frameNanos = 1_000_000_000L / fps;
      this.picture = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    }

    /** Shows the picture in {@code file} (PNG, JPEG…) from the next frame on. */
    public void show(Path file) throws IOException {
      BufferedImage read = ImageIO.read(file.toFile());
      if (read == null) {
        throw new IOException(file + " is not a picture ImageIO can read");
      }
      show(read);
    }

    /** Shows {@code image} from the next frame on, scaled to the camera's size. */
    public void show(BufferedImage image) {
      BufferedImage frame =
          new BufferedImage(size.width, size.height, BufferedImage.TYPE_3BYTE_BGR);
      Graphics2D g = frame.createGraphics();
      g.drawImage(image, 0, 0, size.width, size.height, null);
      g.dispose();
      firstServedAt = 0;
      shownAt = System.nanoTime();
      picture = frame;
    }

    /** {@link System#nanoTime()} when the first frame of the current picture was handed out. */
    public long firstServedAt() {
      return firstServedAt;
    }

    public long shownAt() {
      return shownAt;
    }

    public void unplug() {
      plugged = false;
      open = false;
    }

    public void plug() {
      plugged = true;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public Dimension[] getResolutions() {
      return new Dimension[] {size};
    }

    @Override
    public Dimension getResolution() {
      return size;
    }

    @Override
    public void setResolution(Dimension d) {
      if (!size.equals(d)) {
        throw new IllegalArgumentException(name + " only does " + size.width + "x" + size.height);
      }
    }

    @Override
    public BufferedImage getImage() {
      if (!plugged || !open) {
        return null;
      }
      synchronized (this) {
        long now = System.nanoTime();
        if (nextFrameAt > now) {
          try {
            Thread.sleep((nextFrameAt - now) / 1_000_000, (int) ((nextFrameAt - now) % 1_000_000));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
          }
        }
        nextFrameAt = Math.max(nextFrameAt + frameNanos, now);
      }
      BufferedImage p = picture;
      if (firstServedAt == 0) {
        firstServedAt = System.nanoTime();
      }
      return p;
    }

    @Override
    public void open() {
      if (!plugged) {
        throw new WebcamException(name + " is unplugged");
      }
      open = true;
    }

    @Override
    public void close() {
      open = false;
    }

    @Override
    public void dispose() {
      open = false;
    }

    @Override
    public boolean isOpen() {
      return open;
    }
  }
}
